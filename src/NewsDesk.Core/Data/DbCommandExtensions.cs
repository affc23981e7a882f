using System.Data.Common;

namespace NewsDesk.Core.Data;

/// <summary>Plain ADO.NET commands on the store's connection (the search's SQL), without a provider's own types.</summary>
internal static class DbCommandExtensions
{
    public static void AddParameter(this DbCommand command, string name, object value)
    {
        var parameter = command.CreateParameter();
        parameter.ParameterName = name;
        parameter.Value = value;
        command.Parameters.Add(parameter);
    }
}
