using Microsoft.Playwright;
using Octans.Testing;

namespace Octans.Browser.Tests;

/// <summary>
/// Octans running as its own process on a fresh database with the High Town demo loaded, and one Chromium shared by
/// every browser test. Debian's Chromium is driven directly: no browser is downloaded.
/// </summary>
public class BrowserFixture : IAsyncLifetime
{
    public const string Password = "octans-demo";

    private TestDatabase _database = null!;
    private OctansProcess _octans = null!;
    private IPlaywright _playwright = null!;

    public IBrowser Browser { get; private set; } = null!;
    public Uri Address => _octans.Address;
    public string ConnectionString => _database.ConnectionString;

    /// <summary>What Octans has written to its log so far.</summary>
    public string Output => _octans.Output;

    public static string Screenshots { get; } = Path.Combine(TestDatabase.RepositoryRoot(), "tests", "Octans.Browser.Tests", "screenshots");

    public async Task InitializeAsync()
    {
        Directory.CreateDirectory(Screenshots);
        // Screenshots of failures belong to the run that made them.
        foreach (var stale in Directory.GetFiles(Screenshots, "failed-*.png")) File.Delete(stale);
        _database = await TestDatabase.CreateAsync();
        // As ops/run does: the schema applied by its owner, the pages served as the app's role.
        await OctansProcess.ApplySchemaAsync(_database);
        var settings = new Dictionary<string, string>
        {
            ["Octans__LoadDemo"] = "true",
            ["Octans__Jobs__PollInterval"] = "00:00:01",
            // Every page test signs in from 127.0.0.1; the limits are tested in Octans.Api.Tests.
            ["Octans__SignIn__AttemptsPerAddressPerMinute"] = "100000",
            ["Octans__SignIn__AttemptsPerAccountPerMinute"] = "100000",
        };
        foreach (var (name, value) in await MoreSettingsAsync()) settings[name] = value;
        _octans = await OctansProcess.ServeAsync(_database.AppConnectionString, settings);
        await WaitUntilReady();
        _playwright = await Playwright.CreateAsync();
        Browser = await _playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = "/usr/bin/chromium",
            Headless = true,
            Args = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run"],
        });
    }

    /// <summary>Settings a fixture of its own adds to Octans' environment, such as the providers it signs in with.</summary>
    protected virtual Task<IReadOnlyDictionary<string, string>> MoreSettingsAsync() =>
        Task.FromResult<IReadOnlyDictionary<string, string>>(new Dictionary<string, string>());

    public virtual async Task DisposeAsync()
    {
        await Browser.DisposeAsync();
        _playwright.Dispose();
        await _octans.DisposeAsync();
        await _database.DisposeAsync();
    }

    /// <summary>A fresh browser context (its own cookies) at the given viewport, signed in as <paramref name="email"/>.</summary>
    public async Task<IPage> SignedIn(string email, int width = 1280, int height = 900)
    {
        var context = await Browser.NewContextAsync(new BrowserNewContextOptions
        {
            BaseURL = Address.ToString(),
            ViewportSize = new ViewportSize { Width = width, Height = height },
            Locale = "en-GB",
            TimezoneId = "Europe/London",
            AcceptDownloads = true,
        });
        // Map tiles come from the internet, which tests do not reach; the page must cope without them.
        await context.RouteAsync("**/*", route =>
            route.Request.Url.StartsWith(Address.ToString(), StringComparison.Ordinal) ? route.ContinueAsync() : route.AbortAsync());
        var page = await context.NewPageAsync();
        await page.GotoAsync("/sign-in");
        await page.GetByLabel("Email address").FillAsync(email);
        await page.GetByLabel("Password").FillAsync(Password);
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();
        await page.WaitForURLAsync(url => !url.Contains("/sign-in"));
        return page;
    }

    public static async Task Screenshot(IPage page, string name) =>
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(Screenshots, $"{name}.png"), FullPage = true });

    /// <summary>Runs a journey on a page, saving a screenshot named after the test when it fails.</summary>
    public static async Task Journey(IPage page, string name, Func<Task> steps)
    {
        try
        {
            await steps();
        }
        catch
        {
            await Screenshot(page, $"failed-{name}");
            throw;
        }
        finally
        {
            await page.Context.CloseAsync();
        }
    }

    private async Task WaitUntilReady()
    {
        using var client = new HttpClient { BaseAddress = Address };
        using var guard = new CancellationTokenSource(TimeSpan.FromMinutes(2));
        while (!(await client.GetAsync("/health/ready", guard.Token)).IsSuccessStatusCode)
            await Task.Delay(200, guard.Token);
    }
}

// The browser tests are in three collections, each with its own Octans, database and Chromium (xunit makes a collection's
// fixture once for that collection), so no test leans on what a test of another collection left behind, and xunit, which
// runs as many collections at once as the machine has cores, is not left with one long collection at the end. Each test
// class joins the one that keeps the three about the same length: the phone walk with the shorter journeys, the axe walk
// with correcting problems, photos and two-step sign-in, and the rest here. More collections at once than cores made the
// suite slower: it is busy on both cores throughout.

[CollectionDefinition(Name)]
public sealed class BrowserCollection : ICollectionFixture<BrowserFixture>
{
    public const string Name = "Browser";
}

[CollectionDefinition(Name)]
public sealed class PageWalkCollection : ICollectionFixture<BrowserFixture>
{
    public const string Name = "Browser: page walks";
}

[CollectionDefinition(Name)]
public sealed class JourneyCollection : ICollectionFixture<BrowserFixture>
{
    public const string Name = "Browser: journeys";
}
