using Marten;
using Octans.Api.Setup;
using Weasel.Postgresql;
using Weasel.Postgresql.Tables;

namespace Octans.Api.Reports.Archive;

/// <summary>
/// The table of kept packs of every kind (its name is from when there was only the monthly one), beside the event store so
/// that one backup holds everything, and its columns. <see cref="Column.Month"/> holds the pack's period: a month such as
/// 2026-10 for a monthly pack, a quarter such as 2026-Q4 for a Pathways pack, so two kinds never share a period.
/// </summary>
public static class MonthlyPackStorage
{
    public const string Name = "monthly_packs";
    public const string Table = $"{DatabaseSettings.MartenSchema}.{Name}";

    /// <summary>The table's columns, for the archive's SQL.</summary>
    public static class Column
    {
        public const string Id = "id";
        public const string Kind = "kind";
        public const string Area = "area";
        public const string Month = "month";
        public const string Revision = "revision";
        public const string Cutoff = "cutoff";
        public const string Sha256 = "sha256";
        public const string Pages = "pages";
        public const string Bytes = "bytes";
        public const string GeneratedAt = "generated_at";
        public const string Pdf = "pdf";
    }

    /// <summary>Declares the table so that db-apply and the development start-up create it with Marten's own schema.</summary>
    public static void ConfigureMonthlyPacks(this StoreOptions options)
    {
        var table = new Table(new PostgresqlObjectName(DatabaseSettings.MartenSchema, Name, SchemaUtils.IdentifierUsage.General));
        table.AddColumn(Column.Id, "uuid").AsPrimaryKey();
        table.AddColumn(Column.Area, "text").NotNull();
        table.AddColumn(Column.Kind, "text").NotNull().DefaultValueByString(nameof(PackKind.Monthly));
        table.AddColumn(Column.Month, "text").NotNull();
        table.AddColumn(Column.Revision, "integer").NotNull();
        table.AddColumn(Column.Cutoff, "timestamp with time zone").NotNull();
        table.AddColumn(Column.Sha256, "text").NotNull();
        table.AddColumn(Column.Pages, "integer").NotNull();
        table.AddColumn(Column.Bytes, "integer").NotNull();
        table.AddColumn(Column.GeneratedAt, "timestamp with time zone").NotNull();
        table.AddColumn(Column.Pdf, "bytea").NotNull();
        table.Indexes.Add(new IndexDefinition($"ix_{Name}_{Column.Area}_{Column.Month}_{Column.Revision}")
        {
            Columns = [Column.Area, Column.Month, Column.Revision],
            IsUnique = true,
        });
        options.Storage.ExtendedSchemaObjects.Add(table);
    }
}
