using Marten;
using Weasel.Postgresql;
using Weasel.Postgresql.Tables;

namespace Octans.Api.Setup;

/// <summary>
/// Tables of Octans' own beside Marten's, in its schema, so <c>db-apply</c> and the development start-up create and
/// update them with Marten's.
/// </summary>
public static class ReadTables
{
    /// <summary>The table's name as SQL writes it, qualified by Octans' schema.</summary>
    public static string Qualified(string table) => $"{DatabaseSettings.MartenSchema}.{table}";

    public static Table Declare(this StoreOptions options, string name, Action<Table> columns)
    {
        var table = new Table(new PostgresqlObjectName(DatabaseSettings.MartenSchema, name, SchemaUtils.IdentifierUsage.General));
        columns(table);
        options.Storage.ExtendedSchemaObjects.Add(table);
        return table;
    }

    /// <summary>An index named after its table and columns, optionally over part of the rows.</summary>
    public static IndexDefinition Index(this Table table, string[] columns, string? where = null, bool unique = false)
    {
        var index = new IndexDefinition($"ix_{table.Identifier.Name}_{string.Join("_", columns)}{(where is null ? "" : "_part")}")
        {
            Columns = columns, Predicate = where, IsUnique = unique,
        };
        table.Indexes.Add(index);
        return index;
    }
}
