using System.Security.Cryptography;
using Marten;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Hosting.Internal;
using Octans.Api.Setup;
using Octans.Api.SigningIn;
using Octans.Testing;

namespace Octans.Api.Tests.Operations;

[Collection(ApiCollection.Name)]
public sealed class DataProtectionTests(AppFixture app)
{
    private static readonly string SecretA = Convert.ToBase64String(RandomNumberGenerator.GetBytes(32));
    private static readonly string SecretB = Convert.ToBase64String(RandomNumberGenerator.GetBytes(32));

    [Fact]
    public async Task The_keys_that_protect_sign_in_cookies_live_in_the_database_so_every_node_reads_them()
    {
        var protector = app.Host.Services.GetRequiredService<IDataProtectionProvider>().CreateProtector("octans-test");
        var secret = protector.Protect("still signed in");

        await using var session = app.Store.QuerySession();
        (await session.Query<DataProtectionKey>().CountAsync()).ShouldBeGreaterThan(0);

        // A second provider built only from the stored keys, as another node would be, reads what the first wrote.
        using var otherNode = Node(app.Store, secret: null);
        Protector(otherNode).Unprotect(secret).ShouldBe("still signed in");
    }

    [Fact]
    public async Task With_a_secret_configured_no_key_is_stored_in_the_clear_and_a_node_without_the_secret_reads_nothing()
    {
        await using var database = await TestDatabase.CreateAsync();
        using var store = DocumentStore.For(database.ConnectionString);
        using var node = Node(store, SecretA);
        var cookie = Protector(node).Protect("still signed in");

        var stored = await StoredKeys(store);
        stored.ShouldNotBeEmpty();
        stored.ShouldAllBe(xml => xml.Contains("octans-sealed:v1:") && !xml.Contains("masterKey"));

        using var withoutSecret = Node(store, secret: null);
        Should.Throw<CryptographicException>(() => Protector(withoutSecret).Unprotect(cookie));
        using var sameSecret = Node(store, SecretA);
        Protector(sameSecret).Unprotect(cookie).ShouldBe("still signed in");
    }

    [Fact]
    public async Task Rotating_the_secret_keeps_old_cookies_readable_and_seals_the_keys_again_with_the_new_one()
    {
        await using var database = await TestDatabase.CreateAsync();
        using var store = DocumentStore.For(database.ConnectionString);
        using var before = Node(store, SecretA);
        var cookie = Protector(before).Protect("still signed in");
        var token = await before.GetRequiredService<SigningKeys>().GetAsync(CancellationToken.None);

        using var during = Node(store, SecretB, previous: SecretA);
        Protector(during).Unprotect(cookie).ShouldBe("still signed in");
        (await during.GetRequiredService<SigningKeys>().GetAsync(CancellationToken.None)).Key.ShouldBe(token.Key);

        // Once every key is sealed with the new secret, the old one can go.
        using var after = Node(store, SecretB);
        Protector(after).Unprotect(cookie).ShouldBe("still signed in");
        (await after.GetRequiredService<SigningKeys>().GetAsync(CancellationToken.None)).Key.ShouldBe(token.Key);
    }

    [Fact]
    public async Task Keys_stored_in_the_clear_before_a_secret_was_configured_are_sealed_when_it_is()
    {
        await using var database = await TestDatabase.CreateAsync();
        using var store = DocumentStore.For(database.ConnectionString);
        using var unsealed = Node(store, secret: null);
        var cookie = Protector(unsealed).Protect("still signed in");
        var token = await unsealed.GetRequiredService<SigningKeys>().GetAsync(CancellationToken.None);
        (await StoredSigningKey(store)).ShouldBe(Convert.ToBase64String(token.Key));

        using var sealedNode = Node(store, SecretA);
        Protector(sealedNode).Unprotect(cookie).ShouldBe("still signed in");
        (await sealedNode.GetRequiredService<SigningKeys>().GetAsync(CancellationToken.None)).Key.ShouldBe(token.Key);

        (await StoredKeys(store)).ShouldAllBe(xml => xml.Contains("octans-sealed:v1:") && !xml.Contains("masterKey"));
        var signingKey = await StoredSigningKey(store);
        signingKey.ShouldStartWith("octans-sealed:v1:");
        signingKey.ShouldNotContain(Convert.ToBase64String(token.Key));
    }

    [Fact]
    public async Task Outside_Development_Octans_refuses_to_serve_without_the_secret_and_says_which_setting_to_set()
    {
        var refused = await Should.ThrowAsync<InvalidOperationException>(() => OctansProcess.ServeAsync(app.Database.ConnectionString,
            new Dictionary<string, string> { ["ASPNETCORE_ENVIRONMENT"] = "Production", ["DOTNET_ENVIRONMENT"] = "Production" }));
        refused.Message.ShouldContain($"{KeyEncryption.SecretSetting} is not set");
    }

    [Fact]
    public async Task A_node_whose_secret_did_not_seal_the_stored_keys_refuses_to_start_and_says_which_settings_to_set()
    {
        await using var database = await TestDatabase.CreateAsync();
        await OctansProcess.ApplySchemaAsync(database);
        using (var store = DocumentStore.For(options => options.ConfigureOctans(database.AppConnectionString, createSchema: false)))
        using (var node = Node(store, SecretA))
        {
            Protector(node).Protect("a cookie");
            await node.GetRequiredService<SigningKeys>().GetAsync(CancellationToken.None);
        }

        var (exitCode, output) = await OctansProcess.RunAsync("--urls http://127.0.0.1:0", database.AppConnectionString, "Production",
            settings: Settings(SecretB));

        exitCode.ShouldBe(1, output);
        output.ShouldContain("The keys in the database were sealed with a secret this node does not have");
        output.ShouldContain($"Set {KeyEncryption.SecretSetting} to the secret the other nodes use, or list the old one in {KeyEncryption.PreviousSecretsSetting}");
        output.ShouldNotContain(SecretA);

        // Given the old secret too, as while rotating, it starts.
        await using var octans = await OctansProcess.ServeAsync(database.AppConnectionString, Settings(SecretB, previous: SecretA), "Production");
        await octans.WaitForOutput("The database is ready");
    }

    private static Dictionary<string, string> Settings(string secret, string? previous = null) => new()
    {
        [KeyEncryption.SecretSetting.Replace(":", "__")] = secret,
        [KeyEncryption.PreviousSecretsSetting.Replace(":", "__")] = previous ?? "",
    };

    [Fact]
    public void In_Development_without_the_secret_Octans_serves_and_warns_that_the_keys_are_unencrypted()
    {
        app.Logs.Lines.ShouldContain(line => line.Contains($"{KeyEncryption.SecretSetting} is not set, so the keys behind cookies and API tokens are kept unencrypted"));
    }

    private static ServiceProvider Node(IDocumentStore store, string? secret, string? previous = null)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            [KeyEncryption.SecretSetting] = secret, [KeyEncryption.PreviousSecretsSetting] = previous,
        }).Build();
        var services = new ServiceCollection().AddLogging().AddSingleton(store).AddSingleton<IConfiguration>(configuration).AddSingleton<SigningKeys>();
        DataProtectionKeys.AddOctansDataProtection(services, configuration, new HostingEnvironment { EnvironmentName = Environments.Development });
        return services.BuildServiceProvider();
    }

    private static IDataProtector Protector(IServiceProvider node) => node.GetRequiredService<IDataProtectionProvider>().CreateProtector("octans-test");

    private static async Task<IReadOnlyList<string>> StoredKeys(IDocumentStore store)
    {
        await using var session = store.QuerySession();
        return (await session.Query<DataProtectionKey>().ToListAsync()).Select(k => k.Xml).ToList();
    }

    private static async Task<string> StoredSigningKey(IDocumentStore store)
    {
        await using var session = store.QuerySession();
        return (await session.LoadAsync<SigningKey>(SigningKey.CurrentId))!.Secret;
    }
}
