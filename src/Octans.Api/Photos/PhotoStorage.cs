using Marten;
using Octans.Api.Setup;
using Octans.Domain;

namespace Octans.Api.Photos;

/// <summary>
/// What a photo belongs to: a problem's action or exit criterion, or a report from the public waiting in the inbox.
/// </summary>
public sealed record PhotoOf(Guid? ProblemId, Guid? ActionId = null, Guid? CriterionId = null, Guid? InboxReportId = null, BeforeOrAfter? When = null);

/// <summary>A kept photo as lists show it, without its bytes.</summary>
public sealed record PhotoView(Guid Id, Guid? ActionId, Guid? CriterionId, BeforeOrAfter? When, DateTimeOffset AddedAt, int Width, int Height);

public enum PhotoSize { Thumb, Page, Full }

/// <summary>
/// The table of kept photos, beside the event store so one backup holds everything: the copies made by
/// <see cref="PhotoProcessing"/> and what they belong to. It is not a read model: the events say a photo was added, and
/// only this table holds it, so a rebuild of the read models leaves it alone.
/// </summary>
public static partial class PhotoStorage
{
    public const string Name = "photos";
    public static readonly string Table = ReadTables.Qualified(Name);

    public const string Id = "id", ProblemId = "problem_id", ActionId = "action_id", CriterionId = "criterion_id",
        InboxReportId = "inbox_report_id", When = "before_or_after", AddedAt = "added_at", Width = "width", Height = "height",
        Full = "full_jpeg", Page = "page_jpeg", Thumb = "thumb_jpeg";

    public static void Declare(StoreOptions options) => options.Declare(Name, table =>
    {
        table.AddColumn(Id, "uuid").AsPrimaryKey();
        table.AddColumn(ProblemId, "uuid");
        table.AddColumn(ActionId, "uuid");
        table.AddColumn(CriterionId, "uuid");
        table.AddColumn(InboxReportId, "uuid");
        table.AddColumn(When, "text");
        table.AddColumn(AddedAt, "timestamp with time zone").NotNull();
        table.AddColumn(Width, "integer").NotNull();
        table.AddColumn(Height, "integer").NotNull();
        table.AddColumn(Full, "bytea").NotNull();
        table.AddColumn(Page, "bytea").NotNull();
        table.AddColumn(Thumb, "bytea").NotNull();
        table.Index([ProblemId, AddedAt], where: $"{ProblemId} is not null");
        table.Index([InboxReportId], where: $"{InboxReportId} is not null");
    });

    /// <summary>
    /// Sends the photo with the session's next SaveChanges, so it is kept in the same transaction as whatever records
    /// that it was added (a problem's <see cref="PhotoAdded"/> event, or an inbox report's own write).
    /// </summary>
    public static void Keep(IDocumentOperations operations, Guid id, PreparedPhoto photo, PhotoOf of, DateTimeOffset addedAt) =>
        operations.Queue(
            $"insert into {Table} ({Id}, {ProblemId}, {ActionId}, {CriterionId}, {InboxReportId}, {When}, {AddedAt}, {Width}, {Height}, {Full}, {Page}, {Thumb}) " +
            "values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            id, of.ProblemId, of.ActionId, of.CriterionId, of.InboxReportId, of.When, addedAt, photo.Width, photo.Height, photo.Full, photo.Page, photo.Thumb);
}
