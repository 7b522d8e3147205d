using Microsoft.Data.Sqlite;

namespace Samverkan.Storage.Sqlite;

/// <summary>
/// The statements of one write transaction, each compiled once and run again with new values. A
/// commit of a bulk (a hundred events into the change feed: a marker, an append and its tags each)
/// runs the same few statements hundreds of times, and compiling each anew was a large part of its cost.
/// </summary>
internal sealed class SqliteStatements(SqliteConnection connection, SqliteTransaction transaction) : IAsyncDisposable
{
    private readonly Dictionary<string, SqliteCommand> _commands = new(StringComparer.Ordinal);

    public SqliteCommand Prepare(string sql, params (string Name, object Value)[] parameters)
    {
        if (!_commands.TryGetValue(sql, out var command))
        {
            command = connection.CreateCommand();
            command.Transaction = transaction;
            command.CommandText = sql;
            foreach (var (name, value) in parameters)
            {
                command.Parameters.AddWithValue(name, value);
            }
            _commands.Add(sql, command);
            return command;
        }
        foreach (var (name, value) in parameters)
        {
            command.Parameters[name].Value = value;
        }
        return command;
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var command in _commands.Values)
        {
            await command.DisposeAsync();
        }
    }
}
