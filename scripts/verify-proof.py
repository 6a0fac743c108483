#!/usr/bin/env python3
"""Checks usm-link message log proofs with nothing but the Python 3 standard library (hashlib).

  verify-proof.py PROOF.json     the JSON of `usm-link log prove` (or of GET /v1/log/proofs/inclusion):
                                 the record's leaf hash from its contents, then its RFC 9162 inclusion
                                 proof up to the root of the checkpoint it names
  verify-proof.py --bundle FILE  a log bundle of `usm-link log export`: every record's leaf hash from
                                 its contents, the root of its leaves, and each checkpoint's root

Exit 0 when it holds, 1 (with the reason) when not. Signatures (the checkpoint JWS, the messages,
the receipts) are NOT checked here: they need an Ed25519 / ES256 library (e.g. `cryptography`).
The algorithms are those of docs/protocol.md ("The message log", "Log bundles").
"""
import base64
import hashlib
import json
import sys


def b64(text):
    return base64.urlsafe_b64decode(text + '=' * (-len(text) % 4))


def b64s(raw):
    return base64.urlsafe_b64encode(raw).rstrip(b'=').decode()


def H(*parts):
    return hashlib.sha256(b''.join(parts)).digest()


def leaf_hash(r):
    leaf = json.dumps([r['direction'], r['messageId'], r['partner'], r['type'], r['digest'],
                       r['signature'], r['receipt'], r['at']], separators=(',', ':'), ensure_ascii=False)
    return H(b'\x00', leaf.encode('utf-8'))


def included(index, tree_size, leaf, proof, root):
    """RFC 9162 section 2.1.3.2."""
    if index < 0 or index >= tree_size:
        return False
    fn, sn, r = index, tree_size - 1, leaf
    for p in proof:
        if sn == 0:
            return False
        if fn % 2 == 1 or fn == sn:
            r = H(b'\x01', p, r)
            while fn % 2 == 0 and fn != 0:
                fn, sn = fn // 2, sn // 2
        else:
            r = H(b'\x01', r, p)
        fn, sn = fn // 2, sn // 2
    return sn == 0 and r == root


def statement(jws):
    """The checkpoint a JWS states (its signature not checked here)."""
    return json.loads(b64(jws.split('.')[1]))


def check_proof(answer):
    record = answer['record']
    leaf = leaf_hash(record)
    if b64s(leaf) != record['leafHash'] or answer.get('leafHash', record['leafHash']) != record['leafHash']:
        return 'the record does not make its leaf hash'
    checkpoint = answer['checkpoint']
    stated = statement(checkpoint['checkpoint'])
    if stated['treeSize'] != answer['treeSize'] or stated['rootHash'] != checkpoint['rootHash']:
        return 'the checkpoint JWS states another tree than the answer'
    if not included(answer['index'], answer['treeSize'], leaf, [b64(p) for p in answer['proof']], b64(stated['rootHash'])):
        return 'the inclusion proof does not lead to the checkpoint root'
    return None


class Tree:
    """The compact range of RFC 9162's tree: one hash per perfect subtree, largest first."""

    def __init__(self):
        self.size, self.hashes = 0, []

    def append(self, leaf):
        h, i = leaf, self.size
        while i % 2 == 1:
            h = H(b'\x01', self.hashes.pop(), h)
            i //= 2
        self.hashes.append(h)
        self.size += 1

    def root(self):
        if not self.hashes:
            return H()
        r = self.hashes[-1]
        for h in reversed(self.hashes[:-1]):
            r = H(b'\x01', h, r)
        return r


def check_bundle(path):
    tree, roots = Tree(), {}
    with open(path, encoding='utf-8') as lines:
        header = json.loads(next(lines))
        if header.get('type') != 'header' or header.get('format') != 'usm-link-log-bundle':
            return 'not a usm-link log bundle', None
        for line in lines:
            if not line.strip():
                continue
            item = json.loads(line)
            if item['type'] == 'checkpoint':
                roots[statement(item['jws'])['treeSize']] = statement(item['jws'])['rootHash']
            elif item['type'] == 'record':
                r = item['record']
                if r['index'] != tree.size:
                    return 'expected record %d, found %d' % (tree.size, r['index']), None
                leaf = leaf_hash(r)
                if b64s(leaf) != r['leafHash']:
                    return 'record %d does not make its leaf hash' % r['index'], None
                tree.append(leaf)
                if tree.size in roots and b64s(tree.root()) != roots[tree.size]:
                    return 'the first %d records do not make the checkpoint root' % tree.size, None
    if roots and max(roots) > tree.size:
        return 'a checkpoint has %d records, the bundle %d' % (max(roots), tree.size), None
    return None, tree


def main(argv):
    if len(argv) == 3 and argv[1] == '--bundle':
        failure, tree = check_bundle(argv[2])
        if failure:
            print('failed: ' + failure)
            return 1
        print('ok: %d records, root %s' % (tree.size, b64s(tree.root())))
        return 0
    if len(argv) != 2:
        print(__doc__.strip().split('\n\n')[1])
        return 2
    with open(argv[1], encoding='utf-8') as f:
        answer = json.load(f)
    failure = check_proof(answer)
    if failure:
        print('failed: ' + failure)
        return 1
    print('ok: record %d is in the tree of %d records, root %s' % (answer['index'], answer['treeSize'], answer['checkpoint']['rootHash']))
    return 0


if __name__ == '__main__':
    sys.exit(main(sys.argv))
