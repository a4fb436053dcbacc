using Marten;
using Octans.Api.Setup;
using Octans.Api.SigningIn;
using Octans.Api.Tests.Problems;
using static Octans.Api.Tests.SigningIn.SignInApi;

namespace Octans.Api.Tests.SigningIn;

[Collection(ApiCollection.Name)]
public sealed class LockoutTests(AppFixture app)
{
    private const string Password = "a-good-long-password";

    [Fact]
    public async Task Sixty_wrong_passwords_thirty_at_a_time_are_all_counted_and_lock_the_account()
    {
        var user = await app.CreateUser(Role.Coordinator, Password);
        var from = NewAddress();
        var statuses = new List<int>();
        for (var wave = 0; wave < 2; wave++)
            statuses.AddRange(await Task.WhenAll(Enumerable.Range(0, 30).Select(async _ =>
                (await app.Host.TrySignIn(user.Email, "wrong-password", from)).Context.Response.StatusCode)));

        statuses.ShouldAllBe(status => status == 401);
        var failures = await app.FailuresOf(user.Email);
        (failures.Count, failures[from.ToString()], failures[SignInFailures.Anywhere]).ShouldBe((2, 60, 60));
        await app.Host.RefusedSignIn(user.Email, Password, from);
        await app.Host.RefusedSignIn(user.Email, Password, NewAddress());
    }

    [Fact]
    public async Task Five_wrong_passwords_from_one_address_do_not_lock_out_the_user_elsewhere()
    {
        var user = await app.CreateUser(Role.Coordinator, Password);
        var attacker = NewAddress();
        await Task.WhenAll(Enumerable.Range(0, SignInFailures.AttemptsBeforeLockout).Select(_ => app.Host.RefusedSignIn(user.Email, "guess", attacker)));

        await app.Host.RefusedSignIn(user.Email, Password, attacker);
        await app.Host.SignIn(user.Email, Password, NewAddress());
    }

    [Fact]
    public async Task Unknown_locked_disabled_and_wrong_all_get_the_same_answer()
    {
        var from = NewAddress();
        var locked = await app.CreateUser(Role.Coordinator, Password);
        for (var attempt = 0; attempt < SignInFailures.AttemptsBeforeLockout; attempt++) await app.Host.RefusedSignIn(locked.Email, "guess", from);
        var disabled = await app.CreateUser(Role.Coordinator, Password);
        await app.Post(ProblemsApi.Admin, $"/api/users/{disabled.Id}/disable", new { });
        var known = await app.CreateUser(Role.Coordinator, Password);

        var answers = new[]
        {
            await app.Host.RefusedSignIn($"nobody-{Guid.NewGuid():N}@octans.test", Password, from),
            await app.Host.RefusedSignIn(locked.Email, Password, from),
            await app.Host.RefusedSignIn(disabled.Email, Password, from),
            await app.Host.RefusedSignIn(known.Email, "not-the-password", from),
        };

        answers.Select(a => (a.Status, a.Title, a.Detail, a.Type)).Distinct().ShouldHaveSingleItem()
            .ShouldSatisfyAllConditions(a => a.Status.ShouldBe(401), a => a.Detail.ShouldBe(Passwords.Refusal));
    }

    [Fact]
    public async Task Every_refusal_is_counted_the_same_way_whether_the_email_exists_or_not()
    {
        var from = NewAddress();
        var unknown = $"nobody-{Guid.NewGuid():N}@octans.test";
        var disabled = await app.CreateUser(Role.Coordinator, Password);
        await app.Post(ProblemsApi.Admin, $"/api/users/{disabled.Id}/disable", new { });

        await app.Host.RefusedSignIn(unknown, Password, from);
        await app.Host.RefusedSignIn(disabled.Email, Password, from);

        (await app.FailuresOf(unknown))[from.ToString()].ShouldBe(1);
        (await app.FailuresOf(disabled.Email))[from.ToString()].ShouldBe(1);
    }

    [Fact]
    public async Task Enabling_a_user_lifts_their_locks()
    {
        var user = await app.CreateUser(Role.Coordinator, Password);
        var from = NewAddress();
        for (var attempt = 0; attempt < SignInFailures.AttemptsBeforeLockout; attempt++) await app.Host.RefusedSignIn(user.Email, "guess", from);

        await app.Post(ProblemsApi.Admin, $"/api/users/{user.Id}/enable", new { });

        await app.Host.SignIn(user.Email, Password, from);
    }
}
