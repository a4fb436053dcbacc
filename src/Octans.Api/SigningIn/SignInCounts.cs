using Marten;
using Npgsql;
using Octans.Api.Setup;
using Octans.Domain;

namespace Octans.Api.SigningIn;

/// <summary>How many sign-ins succeeded and how many were refused on a day (London time).</summary>
public sealed record SignInsOnDay(DateOnly Day, int SignedIn, int Refused);

/// <summary>
/// Sign-ins and refused sign-ins counted per day, for the administrators: counts only, never who or from where. A
/// refusal is a wrong email or password, or an account disabled or locked; attempts held back by the rate limit before
/// the database is asked are not counted. Each count is one upsert in the batch that checks the password.
/// </summary>
public static class SignInCounts
{
    private const string Name = "sign_ins_per_day";
    public static readonly string Table = ReadTables.Qualified(Name);
    public const string Day = "day", SignedIn = "signed_in", Refused = "refused";

    public static void Declare(StoreOptions options) => options.Declare(Name, table =>
    {
        table.AddColumn(Day, "date").AsPrimaryKey();
        table.AddColumn(SignedIn, "integer").NotNull().DefaultValueByExpression("0");
        table.AddColumn(Refused, "integer").NotNull().DefaultValueByExpression("0");
    });

    /// <summary>Counts one sign-in, or one refusal, on today's row with the session's next SaveChanges.</summary>
    public static void Count(IDocumentOperations session, DateTimeOffset now, bool signedIn)
    {
        var column = signedIn ? SignedIn : Refused;
        session.Queue($"insert into {Table} as c ({Day}, {column}) values (?, 1) on conflict ({Day}) do update set {column} = c.{column} + 1",
            London.Today(now));
    }

    /// <summary>The latest days with any sign-in, newest first.</summary>
    public static Statement Latest(int days) => new($"select {Day}, {SignedIn}, {Refused} from {Table} order by {Day} desc limit ?", days);

    public static SignInsOnDay Read(NpgsqlDataReader r) => new(r.GetFieldValue<DateOnly>(0), r.GetInt32(1), r.GetInt32(2));
}
