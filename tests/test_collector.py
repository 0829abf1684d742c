"""The cycle collector is paused inside, and left as it was found, also after an error."""

import gc

import pytest

from clauses.collector import cycle_collector_paused


@pytest.mark.parametrize("enabled", [True, False])
def test_the_collector_is_paused_and_restored_as_it_was(enabled):
    (gc.enable if enabled else gc.disable)()
    try:
        with pytest.raises(RuntimeError), cycle_collector_paused():
            assert not gc.isenabled()
            raise RuntimeError("midway")
        assert gc.isenabled() is enabled
    finally:
        gc.enable()
