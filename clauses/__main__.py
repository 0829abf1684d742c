from clauses.cli import main

main()
