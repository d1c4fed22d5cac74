// class-transformer ships this module's types under types/; class-validator-jsonschema needs the same storage instance.
declare module 'class-transformer/cjs/storage' {
  export { defaultMetadataStorage } from 'class-transformer/types/storage';
}
