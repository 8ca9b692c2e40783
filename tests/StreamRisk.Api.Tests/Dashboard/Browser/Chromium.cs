using Microsoft.Playwright;

namespace StreamRisk.Api.Tests.Dashboard.Browser;

/// <summary>
/// The machine's Chromium (Debian's <c>chromium</c> package, or the one STREAMRISK_CHROMIUM names), driven by Playwright
/// headless. Playwright's own browser downloads are never used: the build machines cannot reach them.
/// </summary>
internal static class Chromium
{
    public static string? Executable { get; } = Find();

    private static string? Find() =>
        Environment.GetEnvironmentVariable("STREAMRISK_CHROMIUM") is { Length: > 0 } configured
            ? configured
            : new[] { "/usr/bin/chromium", "/usr/bin/chromium-browser", "/usr/bin/google-chrome" }.FirstOrDefault(File.Exists);
}

/// <summary>A fact that needs a browser: skipped, with the reason, where no Chromium is installed, unless
/// STREAMRISK_REQUIRE_BROWSER=1 (CI), where the test then runs and fails.</summary>
public sealed class BrowserFactAttribute : FactAttribute
{
    public BrowserFactAttribute()
    {
        if (Chromium.Executable is null && Environment.GetEnvironmentVariable("STREAMRISK_REQUIRE_BROWSER") != "1")
        {
            Skip = "no Chromium found (apt-get install chromium, or set STREAMRISK_CHROMIUM): the dashboard's browser tests need one; "
                + "set STREAMRISK_REQUIRE_BROWSER=1 to fail instead of skipping";
        }
    }
}

/// <summary>One headless Chromium for a test class; each test opens its own context (its own session storage).</summary>
public sealed class ChromiumFixture : IAsyncLifetime
{
    private IPlaywright? _playwright;

    public IBrowser Browser { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        if (Chromium.Executable is null && Environment.GetEnvironmentVariable("STREAMRISK_REQUIRE_BROWSER") != "1")
        {
            return; // every test skips
        }
        _playwright = await Playwright.CreateAsync();
        Browser = await _playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = Chromium.Executable ?? throw new InvalidOperationException("STREAMRISK_REQUIRE_BROWSER=1 but no Chromium was found"),
            Headless = true,
            // No sandbox: CI runs as root, where Chromium's sandbox refuses to start. Nothing but the loopback API is opened.
            Args = ["--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--disable-background-networking", "--no-first-run"],
        });
    }

    public async Task DisposeAsync()
    {
        if (_playwright is null)
        {
            return;
        }
        await Browser.DisposeAsync();
        _playwright.Dispose();
    }
}
