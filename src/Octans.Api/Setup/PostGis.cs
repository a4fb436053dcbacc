using Npgsql;

namespace Octans.Api.Setup;

/// <summary>
/// The places of problems are PostGIS geography, searched by distance through a spatial index, so the extension is in
/// the database before any table that uses it. Only a superuser may create it (or a database's owner where the
/// server trusts it); without it Octans says what to install and who runs what.
/// </summary>
public static class PostGis
{
    /// <summary>Creates the extension when missing; when the server lacks it or the role may not create it, throws with the sentence to act on.</summary>
    public static async Task EnsureAsync(string connectionString, CancellationToken cancellation)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync(cancellation);
        try
        {
            await using var create = new NpgsqlCommand("create extension if not exists postgis", connection);
            await create.ExecuteNonQueryAsync(cancellation);
        }
        catch (PostgresException refused) when (refused.SqlState is PostgresErrorCodes.InsufficientPrivilege or PostgresErrorCodes.UndefinedFile
                                                   or PostgresErrorCodes.FeatureNotSupported or PostgresErrorCodes.UndefinedObject)
        {
            throw new PostGisMissing(Missing(connection.Database, connection.PostgreSqlVersion.Major), refused);
        }
    }

    /// <summary>What to do when PostGIS cannot be created in <paramref name="database"/> on a PostgreSQL of that major version.</summary>
    public static string Missing(string database, int major) =>
        $"PostGIS is missing from the database {database} and this role may not add it: install PostGIS on the database server " +
        $"(Debian: apt-get install postgresql-{major}-postgis-3), then have a superuser run CREATE EXTENSION postgis; in the database {database}, " +
        "and run db-apply again.";
}

public sealed class PostGisMissing(string message, Exception inner) : Exception(message, inner);
