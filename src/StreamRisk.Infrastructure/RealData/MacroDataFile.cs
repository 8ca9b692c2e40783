using StreamRisk.Core.Simulation;

namespace StreamRisk.Infrastructure.RealData;

/// <summary>Reads data/real/macrodata.csv into the quarters the simulator anchors its economy on.</summary>
public static class MacroDataFile
{
    public static IReadOnlyList<MacroQuarter> Load(string directory)
    {
        var table = RealDatasets.Load(directory, RealDatasets.MacroData);
        var years = table.Numbers("year");
        var quarters = table.Numbers("quarter");
        var gdp = table.Numbers("realgdp");
        var unemployment = table.Numbers("unemp");
        var result = new MacroQuarter[table.RowCount];
        for (var i = 0; i < result.Length; i++)
        {
            if (quarters[i] is not (1 or 2 or 3 or 4) || years[i] != Math.Floor(years[i]))
                throw new RealDataFormatException(Path.Combine(directory, RealDatasets.MacroData.FileName), i + 2, "quarter",
                    $"year {years[i]} quarter {quarters[i]} is not a calendar quarter");
            result[i] = new MacroQuarter((int)years[i], (int)quarters[i], gdp[i], unemployment[i]);
        }

        return result;
    }
}
