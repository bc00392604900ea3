#include "PluginState.h"

#include "PluginInstance.h"
#include "PluginWorld.h"

#include <lv2/atom/atom.h>
#include <lv2/state/state.h>

namespace stagedesk::plugins {

namespace {

// The URI lilv gives the serialised state; it has no meaning outside it.
constexpr const char* kStateUri = "urn:stagedesk:insert-state";

struct GetContext {
    const PortValueGetter& ports;
    LV2_URID floatType;
    float value = 0; // lilv copies it before asking for the next port
};

struct SetContext {
    const PortValueSetter& ports;
    UridMap& urids;
};

} // namespace

std::string saveLv2State(PluginWorld& world, PluginInstance& instance,
                         const PortValueGetter& ports) {
    const auto held = world.lock();
    GetContext context{ports, world.urids().map(LV2_ATOM__Float)};
    const auto getValue = [](const char* symbol, void* user, std::uint32_t* size,
                             std::uint32_t* type) -> const void* {
        auto* c = static_cast<GetContext*>(user);
        c->value = c->ports(symbol);
        *size = sizeof(float);
        *type = c->floatType;
        return &c->value;
    };
    LilvState* state = lilv_state_new_from_instance(
        instance.plugin(), instance.lilv(), world.urids().mapFeature(), nullptr, nullptr, nullptr,
        nullptr, getValue, &context, LV2_STATE_IS_POD | LV2_STATE_IS_PORTABLE, instance.features());
    if (!state)
        return {};
    char* text = lilv_state_to_string(world.world(), world.urids().mapFeature(),
                                      world.urids().unmapFeature(), state, kStateUri, nullptr);
    std::string saved = text ? text : "";
    lilv_free(text);
    lilv_state_free(state);
    return saved;
}

bool restoreLv2State(PluginWorld& world, PluginInstance& instance, const std::string& saved,
                     const PortValueSetter& ports, std::string& error) {
    const auto held = world.lock();
    LilvState* state =
        lilv_state_new_from_string(world.world(), world.urids().mapFeature(), saved.c_str());
    if (!state) {
        error = "the saved state of " + instance.info().uri + " cannot be read";
        return false;
    }
    SetContext context{ports, world.urids()};
    const auto setValue = [](const char* symbol, void* user, const void* value, std::uint32_t size,
                             std::uint32_t type) {
        auto* c = static_cast<SetContext*>(user);
        const char* typeUri = c->urids.unmap(type);
        const std::string typeName = typeUri ? typeUri : "";
        if (typeName == LV2_ATOM__Float && size == sizeof(float))
            c->ports(symbol, *static_cast<const float*>(value));
        else if (typeName == LV2_ATOM__Double && size == sizeof(double))
            c->ports(symbol, static_cast<float>(*static_cast<const double*>(value)));
        else if (typeName == LV2_ATOM__Int && size == sizeof(std::int32_t))
            c->ports(symbol, static_cast<float>(*static_cast<const std::int32_t*>(value)));
    };
    lilv_state_restore(state, instance.lilv(), setValue, &context, 0, instance.features());
    lilv_state_free(state);
    return true;
}

} // namespace stagedesk::plugins
