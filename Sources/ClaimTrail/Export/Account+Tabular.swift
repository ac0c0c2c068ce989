extension Account: Tabular {
    public static let columns = ["id", "name", "role", "created_at", "disabled_at"]

    public var cells: [String] {
        [String(id), name, role.rawValue, createdAt, disabledAt ?? ""]
    }
}

extension APIToken: Tabular {
    public static let columns = ["id", "account_name", "created_at", "revoked_at"]

    public var cells: [String] {
        [String(id), accountName, createdAt, revokedAt ?? ""]
    }
}
