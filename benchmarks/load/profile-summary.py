#!/usr/bin/env python3
"""Shares of CPU samples by library in async-profiler's collapsed stacks (benchmarks/load/run.sh
with ASYNC_PROFILER and PROFILE_DIR): JIT compiler and GC threads by themselves, every other
sample to the innermost frame of a known library other than the JDK, so "aws sdk" is the SDK's own
code and the JDK code it calls (not Netty below it); "jdk" is what no library frame holds.

    benchmarks/load/profile-summary.py PROFILE_DIR/redis.collapsed [TOP_FRAMES]
"""
import collections
import sys

CATEGORIES = [
    ("jit", ("CompileBroker", "C2Compiler", "Compile::", "C1_", "Compilation::")),
    ("gc", ("ZThread", "ZDriver", "ZMark", "ZRelocate", "G1", "GCTask", "ZWorker", "ZDirector")),
    ("aws sdk", ("software/amazon/awssdk",)),
    ("netty", ("io/netty",)),
    ("jetty", ("org/eclipse/jetty",)),
    ("javalin", ("io/javalin",)),
    ("lettuce", ("io/lettuce",)),
    ("mongodb driver", ("com/mongodb", "org/bson")),
    ("jackson", ("com/fasterxml/jackson",)),
    ("logback/slf4j", ("ch/qos/logback", "org/slf4j")),
    ("micrometer", ("io/micrometer",)),
    ("resilience4j", ("io/github/resilience4j",)),
    ("reactor", ("reactor/",)),
    ("kotlin", ("kotlin/",)),
    ("gateway", ("io/bedrockgateway",)),
    ("jdk", ("java/", "jdk/", "sun/")),
]


def category(stack):
    frames = stack.split(";")
    for name, markers in CATEGORIES[:2]:
        if any(marker in frame for frame in frames for marker in markers):
            return name
    for wanted in (CATEGORIES[2:-1], CATEGORIES[-1:]):
        for frame in reversed(frames):
            for name, markers in wanted:
                if any(marker in frame for marker in markers):
                    return name
    return "other (kernel, VM)"


def main():
    totals = collections.Counter()
    leaves = collections.Counter()
    samples = 0
    with open(sys.argv[1]) as collapsed:
        for line in collapsed:
            stack, _, count = line.rstrip("\n").rpartition(" ")
            count = int(count)
            samples += count
            totals[category(stack)] += count
            leaves[stack.split(";")[-1]] += count
    print(f"{samples} samples")
    for name, count in totals.most_common():
        print(f"{100 * count / samples:5.1f} %  {name}")
    top = int(sys.argv[2]) if len(sys.argv) > 2 else 25
    print(f"\ntop {top} leaf frames:")
    for frame, count in leaves.most_common(top):
        print(f"{100 * count / samples:5.1f} %  {frame[:150]}")


if __name__ == "__main__":
    main()
