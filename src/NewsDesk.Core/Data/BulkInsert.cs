using System.Data.Common;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Storage;

namespace NewsDesk.Core.Data;

/// <summary>
/// Inserts many new entities of one type through one prepared statement reused for all of them, for batch writers
/// (ingest) where the change tracker's cost per entity would dominate. Columns and value conversions come from the
/// EF model, so each row is what SaveChanges would write; the SQL is standard (multi-row VALUES, RETURNING), which
/// SQLite and PostgreSQL both run. Interceptors do not see these rows: callers bump the content stamp themselves.
/// Runs in the context's current transaction (callers wanting all rows or none start one); like SaveChanges, it reports a refused row as a <see cref="DbUpdateException"/>.
/// </summary>
public static class BulkInsert
{
    /// <summary>Rows per statement when no key is read back: fewer round trips, and well under every provider's parameter limit.</summary>
    private const int RowsPerStatement = 32;

    /// <summary>
    /// Inserts <paramref name="entities"/>, which stay untracked (refer to them by key, not by navigation). A key the
    /// store generates is read back into each entity: one row per statement then, as RETURNING gives several no order.
    /// </summary>
    public static async Task InsertAsync<T>(this DbContext db, IReadOnlyList<T> entities, CancellationToken cancellationToken = default)
        where T : class
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(entities);
        if (entities.Count == 0)
        {
            return;
        }

        var type = db.Model.FindEntityType(typeof(T)) ?? throw new InvalidOperationException($"{typeof(T).Name} is not in the model.");
        var table = StoreObjectIdentifier.Table(type.GetTableName()!, type.GetSchema());
        var key = type.FindPrimaryKey()!.Properties;
        var generated = key is [{ ValueGenerated: ValueGenerated.OnAdd } only] ? only : null;
        var columns = type.GetProperties().Where(p => p != generated).ToList();
        if (columns.Find(p => p.IsShadowProperty()) is { } shadow)
        {
            throw new NotSupportedException($"{typeof(T).Name}.{shadow.Name} is a shadow property; bulk inserts take values from the entity.");
        }

        var sql = db.GetService<ISqlGenerationHelper>();
        var mappings = columns.Select(c => c.GetRelationalTypeMapping()).ToArray();
        var getters = columns.Select(c => c.GetGetter()).ToArray();
        var head = $"INSERT INTO {sql.DelimitIdentifier(table.Name, table.Schema)} ({string.Join(", ", columns.Select(c => sql.DelimitIdentifier(c.GetColumnName(table)!)))}) VALUES ";
        var returning = generated is null ? "" : " RETURNING " + sql.DelimitIdentifier(generated.GetColumnName(table)!);
        var rowsPerStatement = generated is null ? RowsPerStatement : 1;

        // Through EF, so its connection interceptors (pragmas) run and a connection it opened for a transaction stays open.
        await db.Database.OpenConnectionAsync(cancellationToken);
        var connection = db.Database.GetDbConnection();
        var transaction = db.Database.CurrentTransaction?.GetDbTransaction();
        DbCommand? full = null;
        try
        {
            for (var start = 0; start < entities.Count; start += rowsPerStatement)
            {
                var rows = Math.Min(rowsPerStatement, entities.Count - start);
                DbCommand command;
                if (rows == rowsPerStatement)
                {
                    command = full ??= await PrepareAsync(rows);
                }
                else
                {
                    command = await PrepareAsync(rows);
                }

                try
                {
                    for (var r = 0; r < rows; r++)
                    {
                        var entity = entities[start + r];
                        for (var c = 0; c < columns.Count; c++)
                        {
                            var value = getters[c].GetClrValue(entity);
                            if (value is not null && mappings[c].Converter is { } converter)
                            {
                                value = converter.ConvertToProvider(value);
                            }

                            command.Parameters[(r * columns.Count) + c].Value = value ?? DBNull.Value;
                        }
                    }

                    object? id;
                    try
                    {
                        id = generated is null ? await command.ExecuteNonQueryAsync(cancellationToken) : await command.ExecuteScalarAsync(cancellationToken);
                    }
                    catch (DbException ex)
                    {
                        throw new DbUpdateException($"An error occurred while inserting into {table.Name}: {ex.Message}", ex);
                    }

                    if (generated is null)
                    {
                        continue;
                    }

                    db.Entry(entities[start]).Property(generated.Name).CurrentValue = Convert.ChangeType(id, generated.ClrType, System.Globalization.CultureInfo.InvariantCulture);
                }
                finally
                {
                    if (command != full)
                    {
                        await command.DisposeAsync();
                    }
                }
            }
        }
        finally
        {
            if (full is not null)
            {
                await full.DisposeAsync();
            }

            await db.Database.CloseConnectionAsync();
        }

        async Task<DbCommand> PrepareAsync(int rows)
        {
            var command = connection.CreateCommand();
            command.Transaction = transaction;
            var text = new StringBuilder(head);
            for (var r = 0; r < rows; r++)
            {
                text.Append(r == 0 ? "(" : ", (");
                for (var c = 0; c < columns.Count; c++)
                {
                    var name = "p" + ((r * columns.Count) + c).ToString(System.Globalization.CultureInfo.InvariantCulture);
                    text.Append(c == 0 ? "" : ", ").Append(sql.GenerateParameterNamePlaceholder(name));
                    command.Parameters.Add(mappings[c].CreateParameter(command, sql.GenerateParameterName(name), null, columns[c].IsNullable));
                }

                text.Append(')');
            }

            command.CommandText = text.Append(returning).ToString();
            await command.PrepareAsync(cancellationToken);
            return command;
        }
    }
}
