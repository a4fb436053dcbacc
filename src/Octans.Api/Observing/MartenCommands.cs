using Marten;
using Marten.Services;
using Npgsql;

namespace Octans.Api.Observing;

/// <summary>
/// Marten's log, without the values. Marten's own logger writes each command's parameters, at Debug and with every
/// failure, and they hold what people wrote (notes, statements, reports) and email addresses; this one writes the SQL
/// alone, whose values are always parameters, so no level of logging puts a person or their words in the log.
/// </summary>
public sealed class MartenCommands(ILogger<MartenCommands> logger) : IMartenLogger, IMartenSessionLogger
{
    public IMartenSessionLogger StartSession(IQuerySession session) => this;

    public void SchemaChange(string sql) => logger.LogInformation("Marten changed the schema: {Sql}", sql);

    public void LogSuccess(NpgsqlCommand command)
    {
        if (logger.IsEnabled(LogLevel.Debug)) logger.LogDebug("Marten ran {Sql}", command.CommandText);
    }

    public void LogSuccess(NpgsqlBatch batch)
    {
        if (logger.IsEnabled(LogLevel.Debug)) logger.LogDebug("Marten ran {Sql}", Text(batch));
    }

    public void LogFailure(NpgsqlCommand command, Exception failure) =>
        logger.LogError("Marten's command failed with {Failure}: {Sql}", failure.GetType().Name, command.CommandText);

    public void LogFailure(NpgsqlBatch batch, Exception failure) =>
        logger.LogError("Marten's batch failed with {Failure}: {Sql}", failure.GetType().Name, Text(batch));

    public void LogFailure(Exception failure, string message) =>
        logger.LogError("Marten failed with {Failure}: {Message}", failure.GetType().Name, message);

    public void RecordSavedChanges(IDocumentSession session, IChangeSet commit) { }

    public void OnBeforeExecute(NpgsqlCommand command) { }

    public void OnBeforeExecute(NpgsqlBatch batch) { }

    private static string Text(NpgsqlBatch batch) => string.Join(";\n", Enumerable.Select<NpgsqlBatchCommand, string>(batch.BatchCommands, command => command.CommandText));
}
