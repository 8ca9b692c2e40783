using StreamRisk.Core.Reference;

namespace StreamRisk.Nlp.Tests.Entities;

internal static class TestIssuers
{
    public static readonly Issuer[] Universe =
    [
        new("MER", "Meridian Holdings Plc", ["Meridian"], ["MRD"], ["banks"]),
        new("ZEN", "Zenith Trading Corp", [], ["ZTC"], ["retail"]),
        new("APX", "Apex Energie AG", ["Apex Energie"], [], ["utilities"]),
        new("BNK", "Bank of Harbor", [], [], ["banks"]),
    ];
}
