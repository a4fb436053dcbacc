using Marten;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.Extensions.DependencyInjection;
using Octans.Api.Setup;

namespace Octans.Api.Tests.Operations;

[Collection(ApiCollection.Name)]
public sealed class DataProtectionTests(AppFixture app)
{
    [Fact]
    public async Task The_keys_that_protect_sign_in_cookies_live_in_the_database_so_every_node_reads_them()
    {
        var protector = app.Host.Services.GetRequiredService<IDataProtectionProvider>().CreateProtector("octans-test");
        var secret = protector.Protect("still signed in");

        await using var session = app.Store.QuerySession();
        (await session.Query<DataProtectionKey>().CountAsync()).ShouldBeGreaterThan(0);

        // A second provider built only from the stored keys, as another node would be, reads what the first wrote.
        var otherNode = new ServiceCollection().AddSingleton(app.Store);
        DataProtectionKeys.AddOctansDataProtection(otherNode);
        using var provider = otherNode.BuildServiceProvider();
        provider.GetRequiredService<IDataProtectionProvider>().CreateProtector("octans-test").Unprotect(secret).ShouldBe("still signed in");
    }
}
