#!/usr/bin/env python3
"""Regenerates the per-version tables of src/validate/versions/ from the OpenAPI
definitions of Kubernetes 1.30 … 1.37, as the PyPI package kubernetes-validate
1.37.0 carries them (kubernetes-json-schema/v1.N.0-local/_definitions.json).

  kinds.tsv     apiVersion, kind, versions mask: which release has the kind
  fields.tsv    apiVersion, kind, field path, versions mask: fields that some
                release of a kind lacks ([] a list item, * a map value)
  listmaps.tsv  apiVersion, kind, list path, list type, keys: lists whose
                entries are unique by their keys (x-kubernetes-list-type)
  old.json      the schemas of kinds 1.37 no longer has, from the last
                release that had them (descriptions dropped)

Bit i of a mask is Kubernetes 1.(30+i). The build reads only these files; this
script needs the network once, to fetch the wheel (or pass its path).
Usage: scripts/gen-versions.py [kubernetes_validate-1.37.0-py3-none-any.whl]
"""
import json
import os
import subprocess
import sys
import tempfile
import zipfile

PACKAGE = "kubernetes-validate==1.37.0"
FIRST, LATEST = 30, 37
OUT = os.path.join(os.path.dirname(__file__), "..", "src", "validate", "versions")


def wheel_path():
    if len(sys.argv) > 1:
        return sys.argv[1]
    folder = tempfile.mkdtemp()
    subprocess.run(["pip", "download", PACKAGE, "--no-deps", "-q", "-d", folder], check=True)
    return os.path.join(folder, os.listdir(folder)[0])


def api_version(gvk):
    return (gvk["group"] + "/" if gvk["group"] else "") + gvk["version"]


def roots(defs):
    """(apiVersion, kind) -> definition name of every top-level object kind."""
    found = {}
    for name, schema in defs.items():
        props = schema.get("properties", {})
        meta = json.dumps(props.get("metadata", {}))
        for gvk in schema.get("x-kubernetes-group-version-kind", []):
            if gvk["kind"].endswith("List") or "ObjectMeta" not in meta:
                continue
            found[(api_version(gvk), gvk["kind"])] = name
    return found


def ref_name(schema):
    ref = schema.get("$ref")
    return ref.rsplit("/", 1)[-1] if ref else None


def resolve(defs, schema):
    name = ref_name(schema)
    return (defs.get(name, {}), name) if name else (schema, None)


def walk(defs, schema, path, stack, out, lists):
    """Every field path below `schema`; a definition already on the way down is
    not entered again (recursive schemas)."""
    schema, name = resolve(defs, schema)
    if name in stack:
        return
    stack = stack | {name} if name else stack
    for key, prop in schema.get("properties", {}).items():
        child = f"{path}.{key}" if path else key
        out.add(child)
        list_type = prop.get("x-kubernetes-list-type")
        if list_type in ("map", "set"):
            keys = prop.get("x-kubernetes-list-map-keys", [])
            lists[child] = (list_type, keys)
        walk_value(defs, prop, child, stack, out, lists)
    extra = schema.get("additionalProperties")
    if isinstance(extra, dict) and not schema.get("properties"):
        walk_value(defs, extra, path + ".*" if path else "*", stack, out, lists)


def walk_value(defs, prop, path, stack, out, lists):
    target, _ = resolve(defs, prop)
    if "items" in target:
        walk(defs, target["items"], path + "[]", stack, out, lists)
    elif "items" in prop:
        walk(defs, prop["items"], path + "[]", stack, out, lists)
    else:
        walk(defs, prop, path, stack, out, lists)


def strip(value):
    if isinstance(value, dict):
        return {k: strip(v) for k, v in value.items() if k not in ("description", "x-kubernetes-patch-strategy", "x-kubernetes-patch-merge-key")}
    if isinstance(value, list):
        return [strip(v) for v in value]
    return value


def closure(defs, names):
    seen, todo = set(), list(names)
    while todo:
        name = todo.pop()
        if name in seen or name not in defs:
            continue
        seen.add(name)
        text = json.dumps(defs[name])
        for part in text.split('"$ref": "#/$defs/')[1:]:
            todo.append(part.split('"', 1)[0])
    return {name: strip(defs[name]) for name in sorted(seen)}


def main():
    wheel = zipfile.ZipFile(wheel_path())
    versions = range(FIRST, LATEST + 1)
    defs, kinds, fields, lists = {}, {}, {}, {}
    for v in versions:
        text = wheel.read(f"kubernetes_validate/kubernetes-json-schema/v1.{v}.0-local/_definitions.json")
        defs[v] = json.loads(text)["$defs"]
        for gvk, name in roots(defs[v]).items():
            kinds.setdefault(gvk, {})[v] = name
            paths, found_lists = set(), {}
            walk(defs[v], {"$ref": "#/$defs/" + name}, "", frozenset(), paths, found_lists)
            for path in paths:
                fields.setdefault(gvk, {}).setdefault(path, set()).add(v)
            if v == LATEST or gvk not in lists:
                lists[gvk] = found_lists

    def mask(present):
        return sum(1 << (v - FIRST) for v in present)

    with open(os.path.join(OUT, "kinds.tsv"), "w") as out:
        out.write("# Generated by scripts/gen-versions.py: apiVersion, kind, releases (bit i = 1.(30+i)).\n")
        for (av, kind), by_version in sorted(kinds.items()):
            out.write(f"{av}\t{kind}\t{mask(by_version)}\n")
    rows = 0
    with open(os.path.join(OUT, "fields.tsv"), "w") as out:
        out.write("# Generated by scripts/gen-versions.py: apiVersion, kind, field path, releases that have it.\n")
        for gvk, paths in sorted(fields.items()):
            served = set(kinds[gvk])
            for path, present in sorted(paths.items()):
                if present != served:
                    out.write(f"{gvk[0]}\t{gvk[1]}\t{path}\t{mask(present)}\n")
                    rows += 1
    with open(os.path.join(OUT, "listmaps.tsv"), "w") as out:
        out.write("# Generated by scripts/gen-versions.py: apiVersion, kind, list path, list type, keys.\n")
        for gvk, found in sorted(lists.items()):
            for path, (list_type, keys) in sorted(found.items()):
                out.write(f"{gvk[0]}\t{gvk[1]}\t{path}\t{list_type}\t{','.join(keys)}\n")
    old = {}
    old_defs = {}
    for gvk, by_version in sorted(kinds.items()):
        if LATEST in by_version:
            continue
        last = max(by_version)
        old[f"{gvk[0]}\t{gvk[1]}"] = by_version[last]
        old_defs.update(closure(defs[last], [by_version[last]]))
    with open(os.path.join(OUT, "old.json"), "w") as out:
        json.dump({"roots": old, "definitions": old_defs}, out, separators=(",", ":"), sort_keys=True)
        out.write("\n")
    print(f"{len(kinds)} kinds, {rows} version-dependent fields, {len(old)} kinds older than 1.{LATEST}")


if __name__ == "__main__":
    main()
