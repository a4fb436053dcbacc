using System.Collections.Concurrent;
using System.Net.Http.Json;
using Alba;
using Marten;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Time.Testing;
using Octans.Api.Demo;
using Octans.Api.Observing;
using Octans.Api.Setup;
using Octans.Api.SigningIn;
using Octans.Domain;
using Octans.Testing;
using Wolverine;

namespace Octans.Api.Tests;

/// <summary>One Octans host on a database of its own, shared by every API test; tests write their own problems and users.</summary>
public sealed class AppFixture : IAsyncLifetime
{
    // A Monday in November, mid-morning in London. Tests that need time to pass advance the clock, so other
    // tests work from app.Clock rather than from this instant.
    public static readonly DateTimeOffset Start = new(2026, 11, 16, 10, 0, 0, TimeSpan.Zero);

    /// <summary>The network of the Prometheus servers that may read /metrics without a token.</summary>
    public const string Scrapers = "192.0.2.0/24";

    public FakeTimeProvider Clock { get; } = new(Start);
    public CapturedLogs Logs { get; } = new();
    public TestDatabase Database { get; private set; } = null!;
    public IAlbaHost Host { get; private set; } = null!;
    public IDocumentStore Store => Host.Services.GetRequiredService<IDocumentStore>();

    private readonly ConcurrentDictionary<string, IssuedToken> _tokens = new();

    /// <summary>Today in London by the fixture's clock, which other tests may have moved on.</summary>
    public DateOnly Today() => London.Today(Clock.GetUtcNow());

    /// <summary>A store as the schema's owner, for what only the owner may do, such as rebuilding the read models.</summary>
    public IDocumentStore OwnerStore { get; private set; } = null!;

    /// <summary>
    /// The schema is applied by db-apply as its owner, and the app runs as its own role, which may add events but never
    /// change them, so every test proves Octans works with no more rights than that.
    /// </summary>
    public async Task InitializeAsync()
    {
        Database = await TestDatabase.CreateAsync();
        await OctansProcess.ApplySchemaAsync(Database);
        OwnerStore = DocumentStore.For(options => options.ConfigureOctans(Database.ConnectionString, createSchema: false));
        Host = await AlbaHost.For<Program>(web =>
        {
            web.UseEnvironment("Development");
            web.UseSetting("OCTANS_DB", Database.AppConnectionString);
            web.UseSetting("Octans:SeedDemoAccounts", "true");
            web.UseSetting("Octans:Jobs:PollInterval", "00:00:01");
            // Every test signs in from the one in-process address; the limits themselves are tested on hosts of their own.
            web.UseSetting("Octans:SignIn:AttemptsPerAddressPerMinute", "100000");
            web.UseSetting("Octans:SignIn:AttemptsPerAccountPerMinute", "100000");
            web.UseSetting(MetricsAccess.ScrapersSetting, Scrapers);
            web.ConfigureServices(services =>
            {
                services.AddSingleton<TimeProvider>(Clock);
                services.AddSingleton<ILoggerProvider>(Logs);
                // Past the Information the settings ask of every provider, so a test can hear everything (CapturedLogs.Everything).
                services.AddLogging(logging => logging.AddFilter<CapturedLogs>(null, LogLevel.Trace));
                services.RunWolverineInSoloMode();
            });
        });
        await Host.Services.GetRequiredService<DatabaseStartup>().Ready.WaitAsync(TimeSpan.FromMinutes(2));
    }

    public async Task DisposeAsync()
    {
        await Host.StopAsync();
        await Host.DisposeAsync();
        OwnerStore.Dispose();
        await Database.DisposeAsync();
    }

    public async Task<string> TokenFor(string email, string password = DemoAccounts.DefaultPassword)
    {
        if (_tokens.TryGetValue(email, out var cached) && cached.ExpiresAt > Clock.GetUtcNow().AddHours(1)) return cached.Token;
        var result = await Host.Scenario(s =>
        {
            s.Post.Json(new { email, password }).ToUrl("/api/auth/token");
            s.StatusCodeShouldBeOk();
        });
        var token = (await result.ReadAsJsonAsync<IssuedToken>())!;
        _tokens[email] = token;
        return token.Token;
    }

    /// <summary>Creates a user of its own for a test that changes a user's state (lockout, disabling).</summary>
    public async Task<User> CreateUser(Role role, string password, Guid? team = null)
    {
        var user = new User
        {
            Id = Guid.CreateVersion7(), Email = $"user-{Guid.NewGuid():N}@octans.test", Name = "Test User", Role = role, TeamId = team,
        };
        user.PasswordHash = Passwords.Hash(user, password);
        await using var session = Store.LightweightSession();
        session.Insert(user);
        await session.SaveChangesAsync();
        return user;
    }
}

[CollectionDefinition(Name)]
public sealed class ApiCollection : ICollectionFixture<AppFixture>
{
    public const string Name = "Octans";
}

/// <summary>
/// Every log line the host writes at Information and above, with its scopes, so tests can prove secrets and people's
/// words never reach the log; and every line down to Trace while a test holds <see cref="Everything"/>.
/// </summary>
public sealed class CapturedLogs : ILoggerProvider, ISupportExternalScope
{
    private readonly ConcurrentQueue<string> _lines = new();
    private IExternalScopeProvider _scopes = new LoggerExternalScopeProvider();
    private int _listening;

    public IReadOnlyCollection<string> Lines => _lines;

    /// <summary>Captures every level until disposed.</summary>
    public IDisposable Everything()
    {
        Interlocked.Increment(ref _listening);
        return new Listening(this);
    }

    public ILogger CreateLogger(string categoryName) => new Logger(this, categoryName);

    public void SetScopeProvider(IExternalScopeProvider scopeProvider) => _scopes = scopeProvider;

    public void Dispose() { }

    private sealed class Listening(CapturedLogs logs) : IDisposable
    {
        public void Dispose() => Interlocked.Decrement(ref logs._listening);
    }

    private sealed class Logger(CapturedLogs logs, string category) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state) where TState : notnull => logs._scopes.Push(state);
        public bool IsEnabled(LogLevel logLevel) => logLevel >= LogLevel.Information || Volatile.Read(ref logs._listening) > 0;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            if (!IsEnabled(logLevel)) return;
            var scopes = new System.Text.StringBuilder();
            logs._scopes.ForEachScope((scope, line) => line.Append(" => ").Append(scope), scopes);
            logs._lines.Enqueue($"{logLevel} {category}: {formatter(state, exception)} {exception}{scopes}");
        }
    }
}
