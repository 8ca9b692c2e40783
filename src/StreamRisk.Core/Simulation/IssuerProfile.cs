using StreamRisk.Core.Reference;

namespace StreamRisk.Core.Simulation;

/// <summary>The fixed traits of a simulated issuer, drawn once.</summary>
/// <param name="Index">Position in the issuer list (the simulator's per-issuer arrays use it).</param>
/// <param name="IndustryIndex">Index of the main industry in the simulator's industry list.</param>
/// <param name="BaseQuality">Long-run mean of the idiosyncratic credit quality (a rating, in latent units).</param>
/// <param name="MacroLoading">How strongly the economy moves this issuer.</param>
/// <param name="IndustryLoading">How strongly its industry moves it.</param>
/// <param name="FirstDay">The first day it is in the sample (later than the start for new issuers).</param>
/// <param name="LogAssets">Natural log of total assets in millions: sets the size of every statement line.</param>
/// <param name="FilingLagDays">Its usual days from quarter end to filing.</param>
public sealed record IssuerProfile(
    Issuer Issuer,
    int Index,
    int IndustryIndex,
    double BaseQuality,
    double MacroLoading,
    double IndustryLoading,
    DateOnly FirstDay,
    double LogAssets,
    int FilingLagDays);
