#include "UridMap.h"

namespace stagedesk::plugins {

UridMap::UridMap()
    : m_map{this, [](LV2_URID_Map_Handle self,
                     const char* uri) { return static_cast<UridMap*>(self)->map(uri); }},
      m_unmap{this, [](LV2_URID_Unmap_Handle self, LV2_URID urid) {
                  return static_cast<UridMap*>(self)->unmap(urid);
              }} {}

LV2_URID UridMap::map(const char* uri) {
    const std::lock_guard lock(m_mutex);
    const auto [it, added] = m_ids.try_emplace(uri, static_cast<LV2_URID>(m_uris.size() + 1));
    if (added)
        m_uris.push_back(it->first);
    return it->second;
}

const char* UridMap::unmap(LV2_URID urid) const {
    const std::lock_guard lock(m_mutex);
    return urid >= 1 && urid <= m_uris.size() ? m_uris[urid - 1].c_str() : nullptr;
}

} // namespace stagedesk::plugins
