#!/usr/bin/python3
"""Validates scenario files against assets/schema/scenario.schema.json.

Scenario files may hold // and /* */ comments, which JSON Schema tools do not accept, so they
are blanked out first (outside strings, keeping line numbers). Run with Debian's python3 and
python3-jsonschema:

    validate_scenarios.py SCHEMA FILE...                  exit 0 when every FILE is valid
    validate_scenarios.py --expect-invalid SCHEMA FILE... exit 0 when every FILE is rejected

A FILE ending in .md is a document: each ```jsonc block in it that holds a whole scenario
("format": "rapport-scenario/1") is validated, so documented examples cannot go stale.

Each problem is printed as `FILE: /json/pointer: message`. Exit 2 on usage or I/O errors.
"""
import json
import sys

try:
    import jsonschema
    from jsonschema.exceptions import best_match
except ImportError:
    print("python3-jsonschema is not installed (apt-get install python3-jsonschema)", file=sys.stderr)
    sys.exit(2)


def strip_comments(text):
    """Replaces // and /* */ comments outside strings with spaces, keeping newlines."""
    out = []
    i, n = 0, len(text)
    in_string = False
    while i < n:
        c = text[i]
        if in_string:
            out.append(c)
            if c == "\\" and i + 1 < n:
                out.append(text[i + 1])
                i += 2
                continue
            if c == '"':
                in_string = False
            i += 1
        elif c == '"':
            in_string = True
            out.append(c)
            i += 1
        elif text.startswith("//", i):
            while i < n and text[i] != "\n":
                out.append(" ")
                i += 1
        elif text.startswith("/*", i):
            end = text.find("*/", i + 2)
            end = n if end < 0 else end + 2
            out.append("".join(ch if ch == "\n" else " " for ch in text[i:end]))
            i = end
        else:
            out.append(c)
            i += 1
    return "".join(out)


def scenario_blocks(markdown):
    """The ```jsonc blocks of a document that hold a complete scenario, as (label, text)."""
    blocks, current, start = [], None, 0
    for number, line in enumerate(markdown.splitlines(), 1):
        if current is None and line.strip() == "```jsonc":
            current, start = [], number + 1
        elif current is not None and line.strip() == "```":
            text = "\n".join(current)
            if '"rapport-scenario/1"' in text:
                blocks.append((f"example at line {start}", text))
            current = None
        elif current is not None:
            current.append(line)
    return blocks


def pointer(path):
    return "/" + "/".join(str(p).replace("~", "~0").replace("/", "~1") for p in path)


def problems(validator, document):
    found = []
    for error in sorted(validator.iter_errors(document), key=lambda e: list(map(str, e.absolute_path))):
        # For oneOf/anyOf the top message is vague; the most relevant sub-error says what is wrong.
        detail = best_match(error.context) if error.context else None
        message = error.message if detail is None else f"{error.message}; closest: {detail.message}"
        where = error.absolute_path if detail is None else detail.absolute_path
        found.append(f"{pointer(where)}: {message}")
    return found


def main(argv):
    expect_invalid = False
    if argv and argv[0] == "--expect-invalid":
        expect_invalid = True
        argv = argv[1:]
    if len(argv) < 2:
        print(__doc__.strip(), file=sys.stderr)
        return 2
    schema_path, files = argv[0], argv[1:]
    try:
        with open(schema_path, encoding="utf-8") as f:
            schema = json.load(f)
        jsonschema.Draft202012Validator.check_schema(schema)
    except (OSError, ValueError, jsonschema.SchemaError) as e:
        print(f"{schema_path}: cannot use schema: {e}", file=sys.stderr)
        return 2
    validator = jsonschema.Draft202012Validator(schema)

    failed = False
    for path in files:
        try:
            with open(path, encoding="utf-8") as f:
                text = f.read()
        except OSError as e:
            print(f"{path}: cannot read: {e}", file=sys.stderr)
            return 2
        if path.endswith(".md"):
            documents = [(f"{path} ({label})", block) for label, block in scenario_blocks(text)]
            if not documents:
                print(f"{path}: no ```jsonc block with a scenario found")
                failed = True
        else:
            documents = [(path, text)]
        for name, source in documents:
            try:
                document = json.loads(strip_comments(source))
            except ValueError as e:
                found = [f"not JSON after removing comments: {e}"]
            else:
                found = problems(validator, document)
            for line in found:
                print(f"{name}: {line}")
            if expect_invalid and not found:
                print(f"{name}: accepted, but the schema should reject it")
            if bool(found) != expect_invalid:
                failed = True
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
