using System.Data.Common;
using System.Text;
using Marten;
using Marten.Storage;
using Npgsql;
using NpgsqlTypes;
using Weasel.Core;
using Weasel.Storage;

namespace Octans.Api.Setup;

/// <summary>One statement and its values, for the ? in it in order.</summary>
public sealed record Statement(string Text, params object?[] Values);

/// <summary>
/// The one way Octans runs SQL of its own, beside Marten's documents and events. Statements give their values as ? in
/// order, as Marten's own raw SQL does; an enum is sent as its name, an instant in UTC, null as SQL null. Reads run on a pooled
/// connection of the session's database, or on the session's own connection once it holds a transaction; a
/// statement that must commit with a write is queued and sent in the session's SaveChanges batch.
/// </summary>
public static class Sql
{
    /// <summary>Every row the query returns, each read by <paramref name="row"/>.</summary>
    public static async Task<List<T>> ReadAsync<T>(this IQuerySession session, string sql, Func<NpgsqlDataReader, T> row,
        CancellationToken cancellation, params object?[] values)
    {
        var rows = new List<T>();
        await ReadAsync(session, async reader =>
        {
            while (await reader.ReadAsync(cancellation)) rows.Add(row(reader));
        }, cancellation, new Statement(sql, values));
        return rows;
    }

    /// <summary>The first row the query returns, or the default when it returns none.</summary>
    public static async Task<T?> ReadFirstAsync<T>(this IQuerySession session, string sql, Func<NpgsqlDataReader, T> row,
        CancellationToken cancellation, params object?[] values) =>
        (await ReadAsync(session, sql, row, cancellation, values)) is [var first, ..] ? first : default;

    /// <summary>
    /// Runs several queries in one round trip; <paramref name="read"/> reads their results in order, moving from one to
    /// the next with <see cref="NpgsqlDataReader.NextResultAsync(CancellationToken)"/>.
    /// </summary>
    public static async Task ReadAsync(this IQuerySession session, Func<NpgsqlDataReader, Task> read, CancellationToken cancellation,
        params Statement[] statements)
    {
        await using var batch = new NpgsqlBatch();
        foreach (var statement in statements) batch.BatchCommands.Add(Command(statement));
        // Marten runs the batch on the session's transaction when it holds one, else on a pooled connection for this batch
        // alone. Asking the session for its Connection instead would begin a transaction, held until the session ends:
        // every read of a request would keep its tables locked against a rebuild's truncate for the whole request.
        await using var reader = (NpgsqlDataReader)await ((Marten.Internal.Sessions.QuerySession)session).ExecuteReaderAsync(batch, cancellation);
        await read(reader);
    }

    /// <summary>
    /// Runs a statement now, in the session's transaction, which it begins when none is open yet. The session's next
    /// SaveChanges commits it only when it has changes of its own to save; a statement that must stand alone is queued.
    /// </summary>
    public static async Task<int> ExecuteAsync(this IDocumentSession session, string sql, CancellationToken cancellation, params object?[] values)
    {
        await session.BeginTransactionAsync(cancellation);
        await using var command = Command(new Statement(sql, values), session.Connection!);
        return await command.ExecuteNonQueryAsync(cancellation);
    }

    /// <summary>Runs a statement now, in the session's transaction, and returns the first column of its first row.</summary>
    public static async Task<T> ScalarAsync<T>(this IDocumentSession session, string sql, CancellationToken cancellation, params object?[] values)
    {
        await session.BeginTransactionAsync(cancellation);
        await using var command = Command(new Statement(sql, values), session.Connection!);
        return (T)(await command.ExecuteScalarAsync(cancellation))!;
    }

    /// <summary>
    /// Runs <paramref name="work"/> in a transaction of its own, on a connection of its own, and commits it: for work that
    /// must commit now whatever it saved, such as a step of a rebuild or a renewal holding an advisory lock.
    /// </summary>
    public static async Task<T> InOneTransactionAsync<T>(this IDocumentStore store, Func<IDocumentSession, Task<T>> work, CancellationToken cancellation)
    {
        await using var connection = store.Storage.Database.CreateConnection();
        await connection.OpenAsync(cancellation);
        await using var transaction = await connection.BeginTransactionAsync(cancellation);
        await using var session = store.LightweightSession(Marten.Services.SessionOptions.ForTransaction(transaction));
        var result = await work(session);
        await transaction.CommitAsync(cancellation);
        return result;
    }

    /// <inheritdoc cref="InOneTransactionAsync{T}"/>
    public static async Task InOneTransactionAsync(this IDocumentStore store, Func<IDocumentSession, Task> work, CancellationToken cancellation) =>
        await store.InOneTransactionAsync(async session =>
        {
            await work(session);
            return true;
        }, cancellation);

    /// <summary>Sends the statement with the session's next SaveChanges, in the same batch and transaction as its events.</summary>
    public static void Queue(this IDocumentOperations operations, string sql, params object?[] values) =>
        operations.QueueOperation(new QueuedStatement(sql, values));

    /// <summary>
    /// A statement in a session's SaveChanges batch. Unlike Marten's own queued SQL, a null goes as a value of no type,
    /// which PostgreSQL takes to be the type of the column or expression it meets.
    /// </summary>
    private sealed class QueuedStatement(string sql, object?[] values) : Weasel.Storage.IStorageOperation, NoDataReturnedCall
    {
        public Type DocumentType => typeof(StorageFeatures);

        public void ConfigureCommand(ICommandBuilder builder, IStorageSession session)
        {
            var parameters = builder.AppendWithDbParameters(sql, '?');
            if (parameters.Length != values.Length)
                throw new InvalidOperationException($"The statement has {parameters.Length} places for values but was given {values.Length}: {sql}");
            for (var i = 0; i < parameters.Length; i++)
            {
                var parameter = (NpgsqlParameter)parameters[i];
                parameter.ResetDbType();
                if (Value(values[i]) is { } value) parameter.Value = value;
                else (parameter.Value, parameter.NpgsqlDbType) = (DBNull.Value, NpgsqlDbType.Unknown);
            }
        }

        public Task PostprocessAsync(DbDataReader reader, IList<Exception> exceptions, CancellationToken token) => Task.CompletedTask;

        public OperationRole Role() => OperationRole.Other;
    }

    private static NpgsqlCommand Command(Statement statement, NpgsqlConnection connection)
    {
        var command = new NpgsqlCommand(Positional(statement.Text), connection);
        foreach (var value in statement.Values) command.Parameters.Add(Parameter(value));
        return command;
    }

    private static NpgsqlBatchCommand Command(Statement statement)
    {
        var command = new NpgsqlBatchCommand(Positional(statement.Text));
        foreach (var value in statement.Values) command.Parameters.Add(Parameter(value));
        return command;
    }

    private static NpgsqlParameter Parameter(object? value) =>
        Value(value) is { } given ? new NpgsqlParameter { Value = given } : new NpgsqlParameter { Value = DBNull.Value, NpgsqlDbType = NpgsqlDbType.Unknown };

    // PostgreSQL keeps instants in UTC, and Npgsql refuses an instant with any other offset.
    private static object? Value(object? value) => value switch
    {
        Enum choice => choice.ToString(),
        DateTimeOffset instant => instant.ToUniversalTime(),
        _ => value,
    };

    /// <summary>"where a = ? and b = ?" becomes "where a = $1 and b = $2", Npgsql's positional parameters.</summary>
    private static string Positional(string sql)
    {
        if (!sql.Contains('?')) return sql;
        var text = new StringBuilder(sql.Length + 16);
        var number = 0;
        foreach (var c in sql)
        {
            if (c == '?') text.Append('$').Append(++number);
            else text.Append(c);
        }
        return text.ToString();
    }
}
