using Microsoft.Data.Sqlite;
using Samverkan.Storage.Leases;

namespace Samverkan.Storage.Sqlite;

/// <summary>
/// Leases in the <c>leases</c> table, each statement run in a write transaction of its own (or in
/// the commit it fences), so processes sharing the file see one order of grants. Expiry is in
/// Unix milliseconds on the machine's clock, which every process sharing the file reads.
/// </summary>
internal static class SqliteLeases
{
    public static async Task<LeaseGrant?> TryAcquireAsync(
        SqliteConnection connection, SqliteTransaction transaction, string name, string holder, TimeSpan duration, DateTimeOffset now, CancellationToken ct)
    {
        await using var command = Command(connection, transaction, """
            INSERT INTO leases (name, holder, epoch, expires_at) VALUES ($name, $holder, 1, $expires)
            ON CONFLICT (name) DO UPDATE SET holder = excluded.holder, epoch = epoch + 1, expires_at = excluded.expires_at
            WHERE expires_at <= $now
            RETURNING epoch
            """, name, now);
        command.Parameters.AddWithValue("$holder", holder);
        command.Parameters.AddWithValue("$expires", Millis(now + duration));
        var epoch = await command.ExecuteScalarAsync(ct);
        return epoch is long granted ? new LeaseGrant(name, holder, granted) : null;
    }

    public static async Task<bool> TryRenewAsync(
        SqliteConnection connection, SqliteTransaction transaction, LeaseGrant grant, TimeSpan duration, DateTimeOffset now, CancellationToken ct)
    {
        await using var command = Command(connection, transaction,
            "UPDATE leases SET expires_at = $expires WHERE name = $name AND epoch = $epoch AND expires_at > $now", grant.Name, now);
        command.Parameters.AddWithValue("$epoch", grant.Epoch);
        command.Parameters.AddWithValue("$expires", Millis(now + duration));
        return await command.ExecuteNonQueryAsync(ct) == 1;
    }

    public static async Task ReleaseAsync(SqliteConnection connection, SqliteTransaction transaction, LeaseGrant grant, DateTimeOffset now, CancellationToken ct)
    {
        await using var command = Command(connection, transaction,
            "UPDATE leases SET expires_at = min(expires_at, $now) WHERE name = $name AND epoch = $epoch", grant.Name, now);
        command.Parameters.AddWithValue("$epoch", grant.Epoch);
        await command.ExecuteNonQueryAsync(ct);
    }

    public static async Task<LeaseGrant?> CurrentAsync(SqliteConnection connection, string name, DateTimeOffset now, CancellationToken ct)
    {
        await using var command = Command(connection, null, "SELECT holder, epoch FROM leases WHERE name = $name AND expires_at > $now", name, now);
        await using var reader = await command.ExecuteReaderAsync(ct);
        return await reader.ReadAsync(ct) ? new LeaseGrant(name, reader.GetString(0), reader.GetInt64(1)) : null;
    }

    /// <summary>Inside a commit: fails it unless the current grant is the fence's.</summary>
    public static async Task<long> CheckFenceAsync(SqliteConnection connection, SqliteTransaction transaction, LeaseFence fence, CancellationToken ct)
    {
        await using var command = Command(connection, transaction, "SELECT epoch FROM leases WHERE name = $name", fence.Name, null);
        var current = (long?)await command.ExecuteScalarAsync(ct);
        return current == fence.Epoch ? fence.Epoch : throw new LeaseLostException(fence.Name, fence.Epoch, current);
    }

    private static SqliteCommand Command(SqliteConnection connection, SqliteTransaction? transaction, string sql, string name, DateTimeOffset? now)
    {
        var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = sql;
        command.Parameters.AddWithValue("$name", name);
        if (now is { } time)
        {
            command.Parameters.AddWithValue("$now", Millis(time));
        }
        return command;
    }

    private static long Millis(DateTimeOffset time) => time.ToUnixTimeMilliseconds();
}
