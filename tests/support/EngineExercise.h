#pragma once
// Drives every code path of Engine::rt_process that can be reached from the
// outside: block sizes around and across the sub-block, every parameter of
// every target (valid, out of range, NaN), a 5,000-command batch, every send
// tap, every stage switched on and off, hostile buffers, and the engine in
// real time on its internal clock with meters read from another thread.
//
// Shared by tst_alloc_trap (which watches the heap while an exercise runs)
// and tst_rtsan (which runs the same exercises in the RealtimeSanitizer
// build, where any allocation, lock or blocking call inside the callback
// aborts). Each exercise also checks what it can of the outcome, so that a
// path is known to have been taken, not just called.

#include <string>
#include <vector>

namespace stagedesk::test {

struct ExerciseResult {
    bool ok = true;
    std::string message; // the first expectation that failed
    long callbacks = 0;  // engine callbacks run

    // Records a failed expectation (the first one is kept).
    void expect(bool condition, const std::string& what);
};

using ExerciseFunction = ExerciseResult (*)();

struct Exercise {
    const char* name;
    ExerciseFunction run;
};

// Console sizes and callback sizes 1, 63, 64, 65, 256 and 1024 frames, every
// stage of every strip on, faders moving.
ExerciseResult exerciseBlockSizes();
// Every Param sent to every Target, at valid and out-of-range indices and sub
// indices, with ordinary, extreme, infinite and NaN values, and fades.
ExerciseResult exerciseEveryParameter();
// 5,000 commands in one postBatch, applied in one callback.
ExerciseResult exerciseBigBatch();
// Sends from every channel to every bus at every tap, switched on and off.
ExerciseResult exerciseSendTaps();
// HPF (both slopes), gate, compressor, EQ and each EQ band switched on and
// off on channels, buses and main, long enough to glide into bypass.
ExerciseResult exerciseStagesOnOff();
// Out-of-range indices, bad sub indices, parameters a target does not have,
// unknown targets and parameters, NaN and infinite values.
ExerciseResult exerciseInvalidCommands();
// NaN, infinite, huge and denormal samples; null, missing and extra input
// and output buffers; zero-frame callbacks.
ExerciseResult exerciseHostileBuffers();
// The engine in real time on the internal clock for about a second, while
// this thread posts changes and another reads meters, statistics and the
// applied-command log.
ExerciseResult exerciseRealtimeWithReaders();
// The soundcheck (engine/soundcheck): recording every input before and after
// the preamp (also into a ring nobody empties), playback per channel and
// through the global switch, fed and starved, at 1, 65 and 256 frames.
ExerciseResult exerciseRecordAndPlayback();
// The generator (sine, white, pink) on and off into main and buses;
// talkback to buses with main dimmed, on and off.
ExerciseResult exerciseGeneratorAndTalkback();
// The RTA tap on channels, buses and main, drained and left undrained; the
// line check on and off.
ExerciseResult exerciseRtaAndLineCheck();
// Processors in insert slots of channels (before and after the EQ), buses
// and main, with latency; bypassed, reordered, replaced and removed while
// running at 1, 65 and 256 frames; one turning to NaN, one overrunning.
ExerciseResult exerciseInserts();
// All 8 FX slots fed from mix buses, their returns sending to every bus
// (feedback included), on DCAs, soloed and faded; processors switched,
// resourced, replaced and removed while running at 1, 37, 65 and 256 frames;
// one turning to NaN, one overrunning.
ExerciseResult exerciseFxRack();

// All of the above, in that order.
const std::vector<Exercise>& allExercises();

} // namespace stagedesk::test
