using System.Globalization;
using StreamRisk.Core.Reference;
using StreamRisk.Core.Simulation;
using StreamRisk.Infrastructure.Simulation;

namespace StreamRisk.Infrastructure.Tests.Simulation;

public sealed class SimulationWriter_Macro : IDisposable
{
    private readonly string _root = Directory.CreateTempSubdirectory("streamrisk-sim-macro-").FullName;

    public void Dispose() => Directory.Delete(_root, recursive: true);

    [Fact]
    public void Macro_csv_holds_one_row_per_simulated_quarter_with_the_factor_the_simulator_used()
    {
        var options = new SimulationOptions(5, 3, 4, new DateOnly(2005, 1, 1), NewsPerIssuerPerYear: 1);
        var simulator = new MarketSimulator(options, [new("banks", "Banks", "Financials")], [new("oil", "world economy", "Oil", "Oil up.")]);
        SimulationWriter.Write(simulator, _root);

        var lines = File.ReadAllLines(Path.Combine(_root, "macro.csv"));
        Assert.Equal("year,quarter,macro_factor", lines[0]);
        Assert.Equal(12, lines.Length - 1);
        var expected = simulator.Macro.Quarters(options.StartDay, options.EndDay).ToList();
        for (var i = 0; i < expected.Count; i++)
        {
            var cells = lines[i + 1].Split(',');
            Assert.Equal(expected[i].Year, int.Parse(cells[0], CultureInfo.InvariantCulture));
            Assert.Equal(expected[i].Quarter, int.Parse(cells[1], CultureInfo.InvariantCulture));
            // Round-trip format: the file gives back the exact double.
            Assert.Equal(expected[i].Factor, double.Parse(cells[2], CultureInfo.InvariantCulture));
        }
        Assert.Equal("2005,1", string.Join(',', lines[1].Split(',')[..2]));
        Assert.Equal("2007,4", string.Join(',', lines[^1].Split(',')[..2]));
    }
}
