#!/usr/bin/python3
"""An X32-style OSC client on python3-liblo, run by tst_osc against a live
server: usage x32_client.py PORT. Sets a fader and a name, reads them back,
asks /info and /node, and prints one line per answer for the test to check:
  info <model>
  fader <float>
  name <text>
  node <text>
Exits 1 if an answer does not come within 2 s."""

import sys
import time

import liblo

port = int(sys.argv[1])
server = liblo.Server()  # any free port; replies come back to it
target = liblo.Address("127.0.0.1", port)
answers = {}


def on_message(path, args, types, src):
    answers[path] = args


server.add_method(None, None, on_message)


def ask(path, *args):
    answers.pop(path if path != "/node" else "node", None)
    server.send(target, path, *args)
    key = "node" if path == "/node" else path
    deadline = time.monotonic() + 2
    while key not in answers:
        if time.monotonic() > deadline:
            print("timeout " + path)
            sys.exit(1)
        server.recv(20)
    return answers[key]


server.send(target, "/ch/05/mix/fader", ("f", 0.5))
server.send(target, "/ch/05/config/name", ("s", "Python Vox"))
print("info " + ask("/info")[2])
print("fader %.4f" % ask("/ch/05/mix/fader")[0])
print("name " + ask("/ch/05/config/name")[0])
print("node " + ask("/node", ("s", "ch/05/config/name"))[0].strip())
