export * from './thread-message.type';
