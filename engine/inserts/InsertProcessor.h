#pragma once
// What an insert slot runs: an effect that is built, activated and destroyed
// off the audio thread (plugins/ wraps an LV2 instance in one), handed to the
// audio thread with Engine::postInsert and handed back, once the audio thread
// no longer runs it, through Engine::drainRetiredInserts.

namespace stagedesk::engine {

class InsertProcessor {
public:
    virtual ~InsertProcessor() = default;

    // Audio channels read and written: 1 on a channel or mix bus (mono), 2 on
    // main LR. Fixed for the processor's life; a slot refuses a mismatch.
    virtual int channels() const noexcept = 0;
    // Samples of delay the effect adds, fixed for the processor's life. The
    // engine delays the dry path of a bypassed slot by as much, and the
    // other channels' inputs so that every channel reaches the buses aligned.
    virtual int latencySamples() const noexcept = 0;

    // Audio thread: processes channels() buffers of 'frames' samples in
    // place (frames <= dsp::kSubBlock). Parameter changes are the
    // processor's own business (its own lock-free queue, read here). Must not
    // allocate, lock or wait; output that is not finite, or a run that takes
    // too long again and again, makes the engine bypass the slot and report it.
    virtual void rt_run(float* const* buffers, int frames) noexcept = 0;
};

} // namespace stagedesk::engine
