"""Code both Lambda functions share: settings, AWS clients and the DynamoDB store."""
