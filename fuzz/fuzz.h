/* The libFuzzer entry points every target in fuzz/ defines. Built with clang and
 * -fsanitize=fuzzer they are driven by libFuzzer; built without a fuzzing engine they
 * are linked with replay.c, whose main runs every file of a corpus directory through
 * LLVMFuzzerTestOneInput, so the corpus (crash inputs included) is a regression test. */
#ifndef ACTIP_FUZZ_FUZZ_H
#define ACTIP_FUZZ_FUZZ_H

#include <stddef.h>
#include <stdint.h>

/* Runs one input; returns 0 (libFuzzer's convention). */
int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

/* One-time setup; argc/argv may be ignored. */
int LLVMFuzzerInitialize(int *argc, char ***argv);

#endif
