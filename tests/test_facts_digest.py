"""The facts of every sample and fixture filing, byte for byte: a digest of each filing's facts CSV
(as `colt-tui facts` writes it) is stored in tests/fixtures/facts_digest.json. A change to the
parser that changes any fact fails here; the digest is updated only with a stated reason:

    python tests/test_facts_digest.py --update "why the facts changed"

which rewrites the digests and appends the reason, with the files that changed, to the file's log.
"""

from __future__ import annotations

import hashlib
import json
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
STORE = ROOT / "tests" / "fixtures" / "facts_digest.json"
FILES = sorted((ROOT / "filings").glob("*.txt")) + sorted((ROOT / "tests" / "fixtures" / "extra").glob("*.txt"))


def digest(path: Path) -> str:
    """sha256 of the filing's facts CSV, header included."""
    sys.path.insert(0, str(ROOT / "tests"))
    from tests_support import load_once

    from parser import facts_frame

    text = facts_frame([load_once(path)]).to_csv(index=False)
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def stored() -> dict:
    return json.loads(STORE.read_text(encoding="utf-8"))


@pytest.mark.parametrize("path", FILES, ids=[p.name for p in FILES])
def test_the_facts_of_every_real_filing_are_unchanged(path):
    expected = stored()["digests"].get(path.name)
    assert expected is not None, f"{path.name} has no stored digest: run --update with a reason"
    assert digest(path) == expected, (f"the facts of {path.name} changed; if that is intended, run "
                                      "python tests/test_facts_digest.py --update \"reason\"")


def update(reason: str) -> None:
    data = stored() if STORE.exists() else {"digests": {}, "log": []}
    new = {path.name: digest(path) for path in FILES}
    changed = sorted(name for name in new if data["digests"].get(name) != new[name])
    data["digests"] = new
    data["log"].append({"reason": reason, "changed": changed})
    STORE.write_text(json.dumps(data, indent=1, sort_keys=True) + "\n", encoding="utf-8")
    print(f"{len(changed)} digest(s) changed: {', '.join(changed) or 'none'}")


if __name__ == "__main__":
    if len(sys.argv) != 3 or sys.argv[1] != "--update" or not sys.argv[2].strip():
        print(__doc__)
        sys.exit(2)
    update(sys.argv[2])
