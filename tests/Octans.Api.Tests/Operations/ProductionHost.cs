using System.Security.Cryptography;
using Alba;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using Octans.Api.Setup;
using Octans.Testing;
using Wolverine;

namespace Octans.Api.Tests.Operations;

/// <summary>
/// Octans as an operator runs it: environment Production, its schema made by db-apply, the key secret and the proxies
/// configured, on a database and a clock of its own.
/// </summary>
public sealed class ProductionHost : IAsyncLifetime
{
    public const string Proxies = "10.0.0.0/8, 172.16.5.4";

    public FakeTimeProvider Clock { get; } = new(AppFixture.Start);
    public TestDatabase Database { get; private set; } = null!;
    public IAlbaHost Host { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        Database = await TestDatabase.CreateAsync();
        var (exitCode, output) = await OctansProcess.RunAsync("db-apply", Database.ConnectionString, environment: "Production");
        exitCode.ShouldBe(0, output);
        Host = await AlbaHost.For<Program>(web =>
        {
            web.UseEnvironment("Production");
            web.UseSetting("OCTANS_DB", Database.ConnectionString);
            web.UseSetting(KeyEncryption.SecretSetting, Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)));
            web.UseSetting(OctansTransport.ProxiesSetting, Proxies);
            web.UseSetting("Octans:SeedDemoAccounts", "true");
            web.UseSetting("Octans:Jobs:RunServer", "false");
            web.ConfigureServices(services =>
            {
                services.AddSingleton<TimeProvider>(Clock);
                services.RunWolverineInSoloMode();
                services.KeepHangfireToItself(Database.ConnectionString);
            });
        });
        await Host.Services.GetRequiredService<DatabaseStartup>().Ready.WaitAsync(TimeSpan.FromMinutes(2));
    }


    public async Task DisposeAsync()
    {
        await Host.StopAsync();
        await Host.DisposeAsync();
        await Database.DisposeAsync();
    }
}
