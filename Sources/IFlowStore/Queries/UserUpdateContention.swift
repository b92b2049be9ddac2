/// A `user/update` kept finding its employee created or changed by other requests, attempt after attempt.
struct UserUpdateContention: Error {}
