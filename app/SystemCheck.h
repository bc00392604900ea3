#pragma once
// stagedesk --check-system: what a live machine needs, checked one item per
// line with a verdict (OK, WARN, FAIL) and, where it is not OK, the fix.
// FAIL is what makes audio drop out or stop (no real-time priority, memory
// that can be paged out, no audio device); WARN is what costs latency or
// headroom (governor, kernel preemption) or cannot be told from here.

#include <string>
#include <vector>

namespace stagedesk::app {

enum class Verdict { Ok, Warn, Fail };

struct SystemCheckItem {
    Verdict verdict = Verdict::Ok;
    std::string topic;   // "cpu governor", "real-time priority", ...
    std::string finding; // what was found, with the numbers
    std::string fix;     // empty when OK
};

// Every check, in the order printed.
std::vector<SystemCheckItem> checkSystem();

// "OK    topic: finding" and, unless OK, an indented "      fix: ..." line.
std::string formatSystemCheck(const std::vector<SystemCheckItem>& items);

// Prints the checks and a closing verdict on stdout; 1 if any FAILed, else 0.
int runSystemCheck();

} // namespace stagedesk::app
