using Marten;
using Npgsql;
using Octans.Api.Setup;
using Octans.Api.SigningIn;

namespace Octans.Api.Admin.Changes;

public sealed record AdminChangeView(DateTimeOffset At, string By, ChangedThing What, string Subject, string Change);

public sealed record AdminChangesPage(IReadOnlyList<AdminChangeView> Items, int Total, IReadOnlyList<SignInsOnDay> SignIns);

public static partial class AdminChanges
{
    public const int PageSize = 25;
    public const int MaxPageSize = 100;

    /// <summary>How many days of sign-in counts the page shows, the latest first.</summary>
    public const int SignInDays = 14;

    /// <summary>A page of the changes, newest first, with the sign-ins of the latest days.</summary>
    public static async Task<AdminChangesPage> PageAsync(IQuerySession session, int page, int pageSize, CancellationToken cancellation)
    {
        List<AdminChangeView> items = [];
        List<SignInsOnDay> signIns = [];
        var total = 0;
        await session.ReadAsync(async r =>
        {
            while (await r.ReadAsync(cancellation)) items.Add(Read(r));
            await r.NextResultAsync(cancellation);
            if (await r.ReadAsync(cancellation)) total = r.GetInt32(0);
            await r.NextResultAsync(cancellation);
            while (await r.ReadAsync(cancellation)) signIns.Add(SignInCounts.Read(r));
        }, cancellation,
            new Statement($"select {At}, {ByName}, {Thing}, {Subject}, {Change} from {Table} order by {At} desc, {Id} desc limit ? offset ?",
                pageSize, (page - 1) * pageSize),
            new Statement($"select count(*)::int from {Table}"),
            SignInCounts.Latest(SignInDays));
        return new AdminChangesPage(items, total, signIns);
    }

    private static AdminChangeView Read(NpgsqlDataReader r) =>
        new(r.GetFieldValue<DateTimeOffset>(0), r.GetString(1), Enum.Parse<ChangedThing>(r.GetString(2)), r.GetString(3), r.GetString(4));
}
