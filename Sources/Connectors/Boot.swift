enum ConnectorsPlaceholderForResolve {}
