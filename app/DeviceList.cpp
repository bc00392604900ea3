#include "DeviceList.h"

#include <algorithm>
#include <cstdio>

namespace stagedesk::app {

std::string formatDeviceList(const std::vector<std::string>& apis,
                             const std::vector<engine::AudioDeviceDescription>& devices) {
    std::string text;
    for (const std::string& api : apis) {
        text += api + ":\n";
        bool any = false;
        for (const auto& d : devices) {
            if (d.api != api)
                continue;
            any = true;
            text += "  " + std::to_string(d.id) + ": " + d.name + "\n";
            text +=
                "      " + std::to_string(d.inputs) + " in, " + std::to_string(d.outputs) + " out";
            if (d.defaultInput && d.defaultOutput)
                text += ", default input and output";
            else if (d.defaultInput)
                text += ", default input";
            else if (d.defaultOutput)
                text += ", default output";
            text += "\n      rates:";
            if (d.sampleRates.empty())
                text += " (none reported)";
            for (unsigned r : d.sampleRates) {
                text += ' ';
                text += std::to_string(r);
            }
            text += " Hz\n";
        }
        if (!any)
            text +=
                api == "jack" ? "  (no devices: is a JACK server running?)\n" : "  (no devices)\n";
    }
    if (apis.empty())
        text += "RtAudio was built without any audio API.\n";
    return text;
}

void printDeviceList(const std::string& api) {
    const std::vector<std::string> compiled = engine::RtAudioBackend::compiledApis();
    if (!api.empty() && std::find(compiled.begin(), compiled.end(), api) == compiled.end()) {
        std::printf("%s:\n  (not compiled into this RtAudio)\n", api.c_str());
        return;
    }
    const std::vector<std::string> apis = api.empty() ? compiled : std::vector<std::string>{api};
    const std::string text = formatDeviceList(apis, engine::RtAudioBackend::listDevices(api));
    std::fputs(text.c_str(), stdout);
    std::fflush(stdout);
}

} // namespace stagedesk::app
