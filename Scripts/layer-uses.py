#!/usr/bin/env python3
"""Which folder of Sources/Nabla uses which: the layers to keep acyclic until they are targets.

    python3 Scripts/layer-uses.py      # from the package root

A use is a word naming a type or top-level function declared in one other folder (names of
four letters or more; qualified nested names left out). A heuristic, not the compiler."""
import os
os.chdir(os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "Sources", "Nabla"))
import re,glob,collections,sys
defs=collections.defaultdict(set)
files=glob.glob('*/*.swift')
for f in files:
    folder=f.split('/')[0]
    for line in open(f):
        m=re.match(r'^(?:public |package |private |fileprivate )?(?:final )?(?:indirect )?(struct|enum|class|protocol|func|typealias) ([A-Za-z_][A-Za-z0-9_]*)',line)
        if m: defs[folder].add(m.group(2))
owner={}
for folder,names in defs.items():
    for n in names: owner.setdefault(n,set()).add(folder)
uses=collections.defaultdict(lambda: collections.defaultdict(set))
for f in files:
    folder=f.split('/')[0]
    text=re.sub(r'//.*','',open(f).read())
    # nested type names used qualified (CodeGenerator.Language) are not uses of the top-level Language
    text=re.sub(r'\.\s*[A-Z][A-Za-z0-9_]*','',text)
    for w in set(re.findall(r'\b[A-Za-z_][A-Za-z0-9_]*\b',text)):
        o=owner.get(w,set())
        if len(o)==1 and folder not in o and len(w)>3: uses[folder][next(iter(o))].add(w)
for folder in sorted(uses):
    print(folder,'->',', '.join(f"{o}({','.join(sorted(ws)[:3])})" for o,ws in sorted(uses[folder].items())))
