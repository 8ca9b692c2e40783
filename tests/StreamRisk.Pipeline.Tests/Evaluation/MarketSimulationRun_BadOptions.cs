using StreamRisk.Pipeline.Evaluation;
using StreamRisk.Pipeline.Running;

namespace StreamRisk.Pipeline.Tests.Evaluation;

public sealed class MarketSimulationRun_BadOptions
{
    [Theory]
    [InlineData(0, 1, 24, "--issuers")]
    [InlineData(10, 0, 24, "--years")]
    [InlineData(10, 61, 24, "--years")]
    [InlineData(10, 1, -1, "--news-per-issuer-year")]
    public async Task Out_of_range_options_name_the_option_and_write_nothing(int issuers, int years, double news, string option)
    {
        var dir = Path.Combine(RepositoryPaths.NewTempDirectory(), "sim");
        var ex = await Assert.ThrowsAsync<ConfigurationException>(() => MarketSimulationRun.RunAsync(
            new SimulateOptions { Issuers = issuers, Years = years, Seed = 1, OutDirectory = dir, NewsPerIssuerPerYear = news },
            null, TimeProvider.System, CancellationToken.None));
        Assert.Contains(option, ex.Message);
        Assert.False(Directory.Exists(dir));
    }

    [Fact]
    public async Task A_missing_reference_folder_is_a_configuration_error()
    {
        var dir = RepositoryPaths.NewTempDirectory();
        var ex = await Assert.ThrowsAsync<ConfigurationException>(() => MarketSimulationRun.RunAsync(
            new SimulateOptions { Issuers = 5, Years = 1, Seed = 1, OutDirectory = dir, ReferenceDirectory = Path.Combine(dir, "no-such-reference") },
            null, TimeProvider.System, CancellationToken.None));
        Assert.Contains("--reference", ex.Message);
    }

    [Fact]
    public async Task Real_macro_data_from_a_folder_without_it_is_a_configuration_error()
    {
        var dir = RepositoryPaths.NewTempDirectory();
        var ex = await Assert.ThrowsAsync<ConfigurationException>(() => MarketSimulationRun.RunAsync(
            new SimulateOptions { Issuers = 5, Years = 1, Seed = 1, OutDirectory = dir, ReferenceDirectory = RepositoryPaths.Reference, Macro = MacroSource.Real, RealDataDirectory = dir },
            null, TimeProvider.System, CancellationToken.None));
        Assert.Contains("macrodata.csv", ex.Message);
    }
}
