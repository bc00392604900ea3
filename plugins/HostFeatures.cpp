#include "HostFeatures.h"

#include <lv2/atom/atom.h>
#include <lv2/buf-size/buf-size.h>
#include <lv2/parameters/parameters.h>
#include <lv2/urid/urid.h>

namespace stagedesk::plugins {

bool isSupportedFeature(std::string_view uri) {
    // hardRTCapable: the host is happy with it; inPlaceBroken: the host never
    // connects an input and an output to the same buffer.
    for (const char* supported :
         {LV2_URID__map, LV2_URID__unmap, LV2_OPTIONS__options, LV2_BUF_SIZE__boundedBlockLength,
          LV2_WORKER__schedule, LV2_CORE__hardRTCapable, LV2_CORE__inPlaceBroken})
        if (uri == supported)
            return true;
    return false;
}

HostFeatures::HostFeatures(UridMap& urids, double sampleRate, LV2_Worker_Schedule* schedule)
    : m_sampleRate(static_cast<float>(sampleRate)) {
    const LV2_URID atomInt = urids.map(LV2_ATOM__Int);
    const LV2_URID atomFloat = urids.map(LV2_ATOM__Float);
    auto option = [&](const char* key, LV2_URID type, const void* value) {
        return LV2_Options_Option{LV2_OPTIONS_INSTANCE, 0,    urids.map(key),
                                  sizeof(std::int32_t), type, value};
    };
    m_options = {option(LV2_PARAMETERS__sampleRate, atomFloat, &m_sampleRate),
                 option(LV2_BUF_SIZE__minBlockLength, atomInt, &m_minBlock),
                 option(LV2_BUF_SIZE__maxBlockLength, atomInt, &m_maxBlock),
                 option(LV2_BUF_SIZE__nominalBlockLength, atomInt, &m_nominalBlock),
                 option(LV2_BUF_SIZE__sequenceSize, atomInt, &m_sequenceSize),
                 LV2_Options_Option{LV2_OPTIONS_INSTANCE, 0, 0, 0, 0, nullptr}};
    static_assert(sizeof(float) == sizeof(std::int32_t));

    m_map = {LV2_URID__map, urids.mapFeature()};
    m_unmap = {LV2_URID__unmap, urids.unmapFeature()};
    m_optionsFeature = {LV2_OPTIONS__options, m_options.data()};
    m_boundedBlock = {LV2_BUF_SIZE__boundedBlockLength, nullptr};
    m_schedule = {LV2_WORKER__schedule, schedule};
    int n = 0;
    for (const LV2_Feature* f : {&m_map, &m_unmap, &m_optionsFeature, &m_boundedBlock})
        m_list[n++] = f;
    if (schedule)
        m_list[n++] = &m_schedule;
    m_list[n] = nullptr;
}

} // namespace stagedesk::plugins
