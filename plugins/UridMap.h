#pragma once
// The host's URID map and unmap (LV2 urid extension), shared by every
// instance. Thread-safe (a mutex): plugins map URIs when they are
// instantiated, on the loader thread, never in run().

#include <lv2/urid/urid.h>

#include <deque>
#include <mutex>
#include <string>
#include <unordered_map>

namespace stagedesk::plugins {

class UridMap {
public:
    UridMap();
    UridMap(const UridMap&) = delete;
    UridMap& operator=(const UridMap&) = delete;

    LV2_URID map(const char* uri);
    const char* unmap(LV2_URID urid) const; // nullptr for an unknown URID

    LV2_URID_Map* mapFeature() { return &m_map; }
    LV2_URID_Unmap* unmapFeature() { return &m_unmap; }

private:
    mutable std::mutex m_mutex;
    std::unordered_map<std::string, LV2_URID> m_ids;
    std::deque<std::string> m_uris; // URID n is m_uris[n - 1]; a deque keeps c_str() stable
    LV2_URID_Map m_map;
    LV2_URID_Unmap m_unmap;
};

} // namespace stagedesk::plugins
