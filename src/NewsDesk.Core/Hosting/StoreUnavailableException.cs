namespace NewsDesk.Core.Hosting;

/// <summary>The database cannot be opened, created or migrated; the message is one line fit for an operator.</summary>
public sealed class StoreUnavailableException : Exception
{
    public StoreUnavailableException(string message, Exception? innerException = null)
        : base(message, innerException)
    {
    }

    public StoreUnavailableException()
    {
    }

    public StoreUnavailableException(string message)
        : base(message)
    {
    }
}
