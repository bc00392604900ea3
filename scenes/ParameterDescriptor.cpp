#include "ParameterDescriptor.h"

#include "dsp/Biquad.h"
#include "dsp/FastMath.h"

#include <algorithm>
#include <array>
#include <cmath>

namespace stagedesk::scenes {

namespace {
// X32 /dyn/ratio values, in enum order.
constexpr std::array<float, 12> kRatios{1.1f, 1.3f, 1.5f, 2.0f,  2.5f,  3.0f,
                                        4.0f, 5.0f, 7.0f, 10.0f, 20.0f, 100.0f};
// X32 EQ types LCut LShv PEQ VEQ HShv HCut; the vintage EQ plays as a peak.
constexpr std::array<dsp::EqType, 6> kEqTypes{dsp::EqType::LowCut,    dsp::EqType::LowShelf,
                                              dsp::EqType::Peak,      dsp::EqType::Peak,
                                              dsp::EqType::HighShelf, dsp::EqType::HighCut};
} // namespace

const char* sectionName(Section s) {
    switch (s) {
    case Section::Preamp:
        return "preamp";
    case Section::Dynamics:
        return "dynamics";
    case Section::Eq:
        return "eq";
    case Section::Sends:
        return "sends";
    case Section::FaderMute:
        return "fader";
    case Section::Routing:
        return "routing";
    case Section::Names:
        return "names";
    case Section::Soundcheck:
        return "soundcheck";
    case Section::Inserts:
        return "inserts";
    case Section::Count:
        break;
    }
    return "?";
}

bool ParameterDescriptor::isDiscrete() const {
    return taper == Taper::Enum || taper == Taper::Bool || taper == Taper::Int;
}

double ParameterDescriptor::clamp(double plain) const {
    if (std::isnan(plain))
        return defaultValue;
    const double lo = std::min(min, max), hi = std::max(min, max);
    plain = std::clamp(plain, lo, hi);
    return isDiscrete() ? std::round(plain) : plain;
}

double ParameterDescriptor::toNormalized(double plain) const {
    plain = clamp(plain);
    switch (taper) {
    case Taper::Fader:
        return faderDbToNormalized(plain);
    case Taper::Log:
        return std::log(plain / min) / std::log(max / min);
    case Taper::String:
        return 0;
    default:
        return max == min ? 0 : (plain - min) / (max - min);
    }
}

double ParameterDescriptor::fromNormalized(double n) const {
    n = std::isnan(n) ? toNormalized(defaultValue) : std::clamp(n, 0.0, 1.0);
    switch (taper) {
    case Taper::Fader:
        return faderNormalizedToDb(n);
    case Taper::Log:
        return clamp(min * std::pow(max / min, n));
    case Taper::String:
        return 0;
    default:
        return clamp(min + n * (max - min));
    }
}

float ParameterDescriptor::engineValue(double plain) const {
    plain = clamp(plain);
    switch (mapping) {
    case EngineMapping::FaderDb:
        return plain <= kFaderOffDb ? dsp::kSilenceDb : float(plain);
    case EngineMapping::Percent:
        return float(plain / 100.0);
    case EngineMapping::Ratio:
        return kRatios[std::size_t(plain)];
    case EngineMapping::HpfSlope:
        return plain >= 1 ? 24.0f : 12.0f;
    case EngineMapping::EqType:
        return float(int(kEqTypes[std::size_t(plain)]));
    case EngineMapping::OffOrIndex:
        return float(plain - 1);
    case EngineMapping::Direct:
    case EngineMapping::None:
        break;
    }
    return float(plain);
}

engine::Command ParameterDescriptor::engineCommand(double plain) const {
    return {target, param, index, sub, engineValue(plain)};
}

QString ParameterDescriptor::format(double plain) const {
    plain = clamp(plain);
    switch (taper) {
    case Taper::Bool:
        return plain >= 0.5 ? QStringLiteral("ON") : QStringLiteral("OFF");
    case Taper::Enum:
        return enumNames.value(int(plain));
    case Taper::Int:
        return QString::number(qint64(plain));
    case Taper::String:
        return {};
    case Taper::Fader:
        if (plain <= kFaderOffDb)
            return QStringLiteral("-inf");
        break;
    default:
        break;
    }
    if (unit == QLatin1String("Hz") && plain >= 1000)
        return QString::number(plain / 1000.0, 'f', plain >= 10000 ? 1 : 2) +
               QStringLiteral(" kHz");
    const int decimals = std::fabs(plain) >= 100 ? 0 : (std::fabs(plain) >= 10 ? 1 : 2);
    const QString number = QString::number(plain, 'f', unit == QLatin1String("dB") ? 1 : decimals);
    return unit.isEmpty() ? number : number + QLatin1Char(' ') + unit;
}

} // namespace stagedesk::scenes
