#!/usr/bin/python3
"""Asks a running stagedesk one thing over OSC (python3-liblo), for the
scripts that check an installed package: usage
  osc-ask.py PORT ADDRESS [VALUE] [--wait SECONDS]
With a VALUE (a float) it first sets ADDRESS to it. Then it sends ADDRESS
without arguments (a GET, or /info) every half second until the console
answers or SECONDS (default 2) have passed, and prints the answer's
arguments on one line. Exits 1 without an answer."""

import argparse
import sys
import time

import liblo

parser = argparse.ArgumentParser()
parser.add_argument("port", type=int)
parser.add_argument("address")
parser.add_argument("value", type=float, nargs="?")
parser.add_argument("--wait", type=float, default=2.0)
options = parser.parse_args()

server = liblo.Server()  # any free port; the answer comes back to it
target = liblo.Address("127.0.0.1", options.port)
answers = {}
server.add_method(None, None, lambda path, args: answers.__setitem__(path, args))

if options.value is not None:
    server.send(target, options.address, ("f", options.value))
deadline = time.monotonic() + options.wait
while options.address not in answers and time.monotonic() < deadline:
    server.send(target, options.address)
    retry = time.monotonic() + 0.5
    while options.address not in answers and time.monotonic() < retry:
        server.recv(20)
if options.address not in answers:
    sys.exit("no answer to %s on port %d within %.0f s" % (options.address, options.port, options.wait))
print(" ".join(str(a) for a in answers[options.address]))
