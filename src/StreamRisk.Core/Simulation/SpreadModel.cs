namespace StreamRisk.Core.Simulation;

/// <summary>
/// End-of-day credit spread in basis points: log-linear in latent credit and the macro factor, with heavy-tailed
/// quote noise; an extended issuer trades wider. Always positive.
/// </summary>
public static class SpreadModel
{
    private const double SpreadAtZero = 180;
    private const double LatentSensitivity = 0.7;
    private const double MacroSensitivity = 0.15;
    private const double QuoteNoise = 0.06;
    private const double ExtensionWidening = 1.8;

    public static double SpreadBps(double latent, double macro, bool extended, Pcg32 random)
    {
        var log = Math.Log(SpreadAtZero) - LatentSensitivity * latent - MacroSensitivity * macro
            + QuoteNoise * random.NextStudentT(4);
        var spread = Math.Exp(log) * (extended ? ExtensionWidening : 1.0);
        // Quotes come in hundredths of a basis point; rounding also keeps the files short.
        return Math.Max(0.01, Math.Round(spread, 2, MidpointRounding.AwayFromZero));
    }
}
