using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Net.Sockets;
using System.Text.Json;
using Microsoft.Playwright;
using Npgsql;
using Octans.Api.SigningIn;

namespace Octans.Browser.Tests;

/// <summary>
/// Octans of its own, configured with two organisations' providers: Test Council, an OpenIddict server started here, and
/// Closed Council, whose address nothing answers at.
/// </summary>
public sealed class OrganisationSignInFixture : BrowserFixture
{
    public const string AdministratorContact = "Write to the High Town partnership's administrator at octans-admin@luton.example.";

    public OrganisationProvider Council { get; private set; } = null!;

    protected override async Task<IReadOnlyDictionary<string, string>> MoreSettingsAsync()
    {
        Council = await OrganisationProvider.StartAsync();
        return new Dictionary<string, string>
        {
            ["Octans__SignIn__Providers__council__DisplayName"] = "Test Council",
            ["Octans__SignIn__Providers__council__Authority"] = Council.Address.ToString(),
            ["Octans__SignIn__Providers__council__ClientId"] = OrganisationProvider.ClientId,
            ["Octans__SignIn__Providers__council__ClientSecret"] = OrganisationProvider.ClientSecret,
            ["Octans__SignIn__Providers__closed__DisplayName"] = "Closed Council",
            ["Octans__SignIn__Providers__closed__Authority"] = $"http://127.0.0.1:{PortNobodyAnswers()}/",
            ["Octans__SignIn__Providers__closed__ClientId"] = OrganisationProvider.ClientId,
            ["Octans__SignIn__AdministratorContact"] = AdministratorContact,
        };
    }

    public override async Task DisposeAsync()
    {
        await base.DisposeAsync();
        await Council.DisposeAsync();
    }

    /// <summary>A fresh browser context at the sign-in page, signed in as nobody.</summary>
    public async Task<IPage> SignInPage()
    {
        var context = await Browser.NewContextAsync(new BrowserNewContextOptions { BaseURL = Address.ToString(), Locale = "en-GB" });
        var page = await context.NewPageAsync();
        await page.GotoAsync("/sign-in");
        return page;
    }

    /// <summary>
    /// Adds a user with a role (and disables them when asked) through the API, as an administrator; gives their email in
    /// capitals, as a provider may.
    /// </summary>
    public async Task<string> AddUserAsync(string role, bool disabled = false)
    {
        var email = $"partner-{Guid.NewGuid():N}@luton.example";
        using var http = new HttpClient { BaseAddress = Address };
        var token = await (await http.PostAsJsonAsync("/api/auth/token", new { email = "admin@octans.test", password = Password }))
            .Content.ReadFromJsonAsync<JsonElement>();
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token.GetProperty("token").GetString());
        var created = await http.PostAsJsonAsync("/api/users", new { email, name = "Pat Partner", role, password = Guid.NewGuid().ToString() });
        created.EnsureSuccessStatusCode();
        if (disabled) (await http.PostAsync($"{created.Headers.Location}/disable", null)).EnsureSuccessStatusCode();
        return email.ToUpperInvariant();
    }

    /// <summary>Today's sign-ins and refusals as the administrators read them.</summary>
    public async Task<(int SignedIn, int Refused)> SignInsTodayAsync()
    {
        await using var connection = new NpgsqlConnection(ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(
            $"select coalesce(sum({SignInCounts.SignedIn}), 0)::int, coalesce(sum({SignInCounts.Refused}), 0)::int from {SignInCounts.Table}", connection);
        await using var reader = await command.ExecuteReaderAsync();
        await reader.ReadAsync();
        return (reader.GetInt32(0), reader.GetInt32(1));
    }

    private static int PortNobodyAnswers()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}

[CollectionDefinition(Name)]
public sealed class OrganisationSignInCollection : ICollectionFixture<OrganisationSignInFixture>
{
    public const string Name = "OrganisationSignIn";
}
